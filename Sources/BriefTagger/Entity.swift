/// A named entity as linked within one story: its canonical name, type, the other surface forms
/// it was mentioned by, and how often.
///
/// `key` is stable across stories (derived only from type and normalised canonical name, e.g.
/// `PER:sergei-lavrov`), so that the same person in two stories is one entity in the cache.
public struct Entity: Codable, Hashable, Sendable {
    public var key: String
    public var name: String
    public var type: EntityType
    public var aliases: [String]
    public var mentions: Int

    public init(key: String, name: String, type: EntityType, aliases: [String] = [], mentions: Int) {
        self.key = key
        self.name = name
        self.type = type
        self.aliases = aliases
        self.mentions = mentions
    }
}
