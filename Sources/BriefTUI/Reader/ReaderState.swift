import BriefStore

/// Everything the reader shows, as a value: `Reader.update` changes it, `Reader.view` draws it.
public struct ReaderState: Hashable, Sendable {
    public var size: ScreenSize
    public var theme: Theme
    public var keymap: Keymap
    /// The screens, the story list at the bottom, each with its own state, and the prompt line.
    public var stack = ScreenStack()
    /// The rows of the story list loaded (all stories, or only unread ones): the window of the list at positions
    /// `listOffset..<listOffset + stories.count` of its `listCount` rows (a long list is read a window at a time,
    /// `StoryWindow`). The list's state lives here rather than in `ReaderScreen.list` because every screen reads
    /// and marks its stories.
    public var stories: [StorySummary] = []
    public var listOffset = 0
    public var listCount = 0
    /// The selection's position in the whole list (the selected story is `selectedID` once its row is loaded).
    public var listPosition = 0
    public var hasLoaded = false
    public var totalCount = 0
    public var unreadCount = 0
    public var unreadOnly = false
    /// Which stories the list holds: all, the starred ones, a feed's or a folder's.
    public var scope = ListScope.all
    /// The selected story, kept by id so it survives reloads and resizes.
    public var selectedID: Int64?
    /// First visible row of the list.
    public var listTop = 0
    /// A one-line message for the status bar, cleared by the next key.
    public var status: String?
    /// True when the cache is read-only: the title says so and marks and stars are refused in the status bar.
    public var readOnly = false
    /// The mark changes (read and star) `u` can take back, the latest last (at most `ReadMark.undoLimit`).
    public var undoStack: [ReadMark] = []
    public var isFinished = false
    /// The library search whose results the list shows, if any.
    public var search: String?
    /// The entity index as it was last left, so `e` opens it again with its type, filter and selection.
    public var lastIndex = EntityIndexState()
    /// The feed view as it was last left, so leaving a feed's list (or `F`) shows it again as it was.
    public var lastFeeds: FeedViewState?
    /// Whether `q` on the top-level story list asks first (config `confirm_quit`), and whether it just asked.
    public var confirmQuit = false
    public var quitAsked = false
    /// Whether opening a story marks it read (config `open_marks_read`).
    public var openMarksRead = true
    /// A feed refresh is running.
    public var isRefreshing = false

    public init(size: ScreenSize, theme: Theme = Theme(mode: .monochrome), keymap: Keymap = .standard) {
        self.size = size
        self.theme = theme
        self.keymap = keymap
    }

    /// The kind of the screen on top of the stack.
    public var screen: ScreenKind { stack.top.kind }

    /// The kinds of the screens on the stack, bottom first.
    public var screens: [ScreenKind] { stack.kinds }

    /// The prompt line, while open (over the top screen).
    public var prompt: Prompt? {
        get { stack.prompt }
        set { stack.prompt = newValue }
    }

    /// The story the reader is in: the top-most story page on the stack.
    public var page: StoryPage? { stack.topStory }
    /// The top-most entity page and entity index on the stack.
    public var entityPage: EntityPageState? { stack.topEntityPage }
    public var index: EntityIndexState? { stack.topIndex }

    /// Rows between the title bar and the status bar.
    public var bodyHeight: Int { max(1, size.height - 2) }

    /// Screens at least this wide show the entity panel beside the story rather than over it.
    public static let panelBesideWidth = 110
    /// Columns the entity panel takes when beside the story.
    public static let panelWidth = 36

    /// True when the entity panel is open and drawn beside the story text.
    public var isPanelBeside: Bool { screen == .entities && size.width >= Self.panelBesideWidth }

    /// The selected story's position in the list, when its row is loaded.
    public var selectedIndex: Int? {
        guard let selectedID else { return nil }
        if let row = row(at: listPosition), row.id == selectedID { return listPosition }
        return stories.firstIndex { $0.id == selectedID }.map { listOffset + $0 }
    }

    /// The selected story's list row.
    public var selectedStory: StorySummary? { selectedIndex.flatMap(row(at:)) }

    /// The list's row at position `position`, when it is loaded.
    public func row(at position: Int) -> StorySummary? {
        let index = position - listOffset
        return stories.indices.contains(index) ? stories[index] : nil
    }

    /// The list's loaded rows with their positions.
    var loadedPositions: Range<Int> { listOffset..<listOffset + stories.count }
}
