/// One occurrence of a named entity in a piece of text.
///
/// `start` and `end` count Unicode scalars from the start of the text the tagger was given
/// (for stories: the paragraph), `end` exclusive.
public struct Mention: Codable, Hashable, Sendable {
    public var start: Int
    public var end: Int
    public var type: EntityType
    /// The mention's text exactly as it appears in the source.
    public var text: String
    /// The stable key of the entity this mention refers to (see `Entity.key`).
    public var entity: String

    public init(start: Int, end: Int, type: EntityType, text: String, entity: String) {
        self.start = start
        self.end = end
        self.type = type
        self.text = text
        self.entity = entity
    }
}
