import BriefTagger

/// One row of the entity list: an entity and how widely the cache mentions it.
public struct EntitySummary: Codable, Hashable, Sendable {
    /// The stable key shared across stories (`PER:sergei-lavrov`).
    public var key: String
    public var name: String
    public var type: EntityType
    /// How many stories mention it.
    public var stories: Int
    /// How many mentions it has across all stories.
    public var mentions: Int
    /// The knowledge base's name for it (`European Union` for `EU`), else `name`.
    public var canonicalName: String
    /// The knowledge base's other names for it (empty when it is not known).
    public var knownAliases: [String]
    /// For places and national bodies the knowledge base knows: the country.
    public var country: String?

    public init(key: String, name: String, type: EntityType, stories: Int, mentions: Int,
                canonicalName: String? = nil, knownAliases: [String] = [], country: String? = nil) {
        self.key = key
        self.name = name
        self.type = type
        self.stories = stories
        self.mentions = mentions
        self.canonicalName = canonicalName ?? name
        self.knownAliases = knownAliases
        self.country = country
    }

    private enum CodingKeys: String, CodingKey {
        case key, name, type, stories, mentions, canonicalName, knownAliases, country
    }

    /// Every field, `country` as null when unknown (a script sees the same keys on every entity).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(name, forKey: .name)
        try c.encode(type, forKey: .type)
        try c.encode(stories, forKey: .stories)
        try c.encode(mentions, forKey: .mentions)
        try c.encode(canonicalName, forKey: .canonicalName)
        try c.encode(knownAliases, forKey: .knownAliases)
        try c.encode(country, forKey: .country)
    }
}
