import BriefStore

/// The open story: what is loaded, its layout for the current width, and where the reader is in it.
public struct StoryPage: Hashable, Sendable {
    public var id: Int64
    /// Nil while the story is loading.
    public var stored: StoredStory?
    public var layout: StoryLayout?
    /// First visible line.
    public var top: Int = 0
    /// The focused mention's number (`MentionSpot.number`), if any.
    public var focus: Int?
    /// When set, focus the first mention of this entity once the story has loaded.
    public var focusEntity: String?
    /// The in-story search, if active, with its matches and the current one.
    public var searchText: String?
    public var matches: [StoryMatch] = []
    public var matchIndex: Int?

    public init(id: Int64, stored: StoredStory? = nil) {
        self.id = id
        self.stored = stored
    }
}
