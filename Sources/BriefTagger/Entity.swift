/// A named entity as linked within one story: its name, type, the other surface forms it was mentioned
/// by, and how often; when the knowledge base knows it, its canonical name, known aliases and country.
///
/// `key` is stable across stories (derived only from type and normalised canonical name, e.g.
/// `PER:sergei-lavrov`), so that the same person in two stories is one entity in the cache. A name the
/// knowledge base knows takes the knowledge base's key: `EU` and `European Union` are `ORG:european-union`.
public struct Entity: Codable, Hashable, Sendable {
    public var key: String
    /// The fullest form the story uses.
    public var name: String
    public var type: EntityType
    /// Other surface forms the story uses.
    public var aliases: [String]
    public var mentions: Int
    /// The canonical name (the knowledge base's, else `name`).
    public var canonicalName: String
    /// The knowledge base's other names for the entity (empty when it is not known).
    public var knownAliases: [String]
    /// For places and national bodies the knowledge base knows: the country.
    public var country: String?

    public init(key: String, name: String, type: EntityType, aliases: [String] = [], mentions: Int,
                canonicalName: String? = nil, knownAliases: [String] = [], country: String? = nil) {
        self.key = key
        self.name = name
        self.type = type
        self.aliases = aliases
        self.mentions = mentions
        self.canonicalName = canonicalName ?? name
        self.knownAliases = knownAliases
        self.country = country
    }

    private enum CodingKeys: String, CodingKey {
        case key, name, type, aliases, mentions, canonicalName, knownAliases, country
    }

    /// Reads entities written before the knowledge fields existed, too.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        name = try c.decode(String.self, forKey: .name)
        type = try c.decode(EntityType.self, forKey: .type)
        aliases = try c.decode([String].self, forKey: .aliases)
        mentions = try c.decode(Int.self, forKey: .mentions)
        canonicalName = try c.decodeIfPresent(String.self, forKey: .canonicalName) ?? name
        knownAliases = try c.decodeIfPresent([String].self, forKey: .knownAliases) ?? []
        country = try c.decodeIfPresent(String.self, forKey: .country)
    }
}
