/// A speaker as the text gives them: a name as written, or else a description; the titles and descriptors used
/// with them (lower case: `deputy`, `spokesperson`), and a gender only where an honorific or a pronoun showed one.
struct Speaker: Hashable, Sendable {
    var name: String?
    var description: String?
    var titles: Set<String>
    /// `m` or `f`, from `Mr`/`Ms` or an earlier `he`/`she` resolved to this speaker; nil when unknown.
    var gender: Character?
    /// `officials`, `diplomats`: never what `he` or `she` refers to.
    var plural: Bool
}
