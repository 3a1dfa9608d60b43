/// A story that mentions an entity, with the paragraph of its first mention, for an entity page.
public struct MentioningStory: Hashable, Sendable {
    public var summary: StorySummary
    /// The paragraph holding the story's first mention of the entity.
    public var paragraph: String
    /// The mention's offsets in `paragraph`, in Unicode scalars, `end` exclusive.
    public var start: Int
    public var end: Int

    public init(summary: StorySummary, paragraph: String, start: Int, end: Int) {
        self.summary = summary
        self.paragraph = paragraph
        self.start = start
        self.end = end
    }
}
