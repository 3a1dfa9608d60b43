import BriefTagger

/// Where one entity mention landed in the story layout.
public struct MentionSpot: Hashable, Sendable {
    /// The story-wide mention number (matches `StyledGrapheme.mention`).
    public var number: Int
    /// The line holding the mention's first grapheme.
    public var line: Int
    /// The linked entity's key (`Mention.entity`).
    public var entity: String
    public var type: EntityType
    public var text: String

    public init(number: Int, line: Int, entity: String, type: EntityType, text: String) {
        self.number = number
        self.line = line
        self.entity = entity
        self.type = type
        self.text = text
    }
}
