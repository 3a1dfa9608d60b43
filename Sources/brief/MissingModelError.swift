/// The resource bundle is there but holds no entity model.
struct MissingModelError: Error, CustomStringConvertible {
    var path: String
    var description: String { "the entity model is missing at \(path); the resources beside brief are incomplete" }
}
