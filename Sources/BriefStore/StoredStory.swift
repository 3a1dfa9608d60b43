import BriefModel

/// A story as the cache holds it: its list row plus the fully annotated story.
public struct StoredStory: Hashable, Sendable {
    public var summary: StorySummary
    public var story: Story
    /// The address of the original article (the feed item's link), when a feed delivered the story with one.
    public var link: String?
    /// The feed that delivered the story: its address (a feed file's `file:` URL) and its title when subscribed.
    public var feedURL: String?
    public var feedTitle: String?

    public init(summary: StorySummary, story: Story, link: String? = nil, feedURL: String? = nil,
                feedTitle: String? = nil) {
        self.summary = summary
        self.story = story
        self.link = link
        self.feedURL = feedURL
        self.feedTitle = feedTitle
    }
}
