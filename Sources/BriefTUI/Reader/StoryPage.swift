import BriefLayout
import BriefStore

/// An open story: what is loaded, its layout for the current width, and where the reader is in it.
public struct StoryPage: Hashable, Sendable {
    public var id: Int64
    public var content: StoryContent
    /// `top` is the first visible line.
    public var scroll = Cursor()
    /// The focused mention's number (`MentionSpot.number`), if any.
    public var focus: Int?
    /// The in-story search, if active, with its matches and the current one.
    public var searchText: String?
    public var matches: [StoryMatch] = []
    public var matchIndex: Int?

    public init(id: Int64, focusEntity: String? = nil) {
        self.id = id
        content = .loading(focusEntity: focusEntity)
    }

    /// The story, once loaded.
    public var stored: StoredStory? {
        if case let .loaded(stored, _) = content { stored } else { nil }
    }

    /// The story's layout, once loaded.
    public var layout: StoryLayout? {
        if case let .loaded(_, layout) = content { layout } else { nil }
    }

    /// While loading: the entity whose first mention gets the focus.
    public var focusEntity: String? {
        if case let .loading(key) = content { key } else { nil }
    }

    /// The first visible line.
    public var top: Int { scroll.top }
}
