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

    public init(key: String, name: String, type: EntityType, stories: Int, mentions: Int) {
        self.key = key
        self.name = name
        self.type = type
        self.stories = stories
        self.mentions = mentions
    }
}
