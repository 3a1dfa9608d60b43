import BriefModel

/// A story as the cache holds it: its list row plus the fully annotated story.
public struct StoredStory: Hashable, Sendable {
    public var summary: StorySummary
    public var story: Story

    public init(summary: StorySummary, story: Story) {
        self.summary = summary
        self.story = story
    }
}
