/// The entity model is there but cannot be read (a damaged or truncated file). `reason` names the file.
struct ModelLoadingError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "the entity model cannot be read: \(reason)" }
}
