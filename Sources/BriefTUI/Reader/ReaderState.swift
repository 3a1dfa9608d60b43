import BriefStore

/// Everything the reader shows, as a value: `Reader.update` changes it, `Reader.view` draws it.
public struct ReaderState: Hashable, Sendable {
    public var size: ScreenSize
    public var theme: Theme
    public var keymap: Keymap
    /// The screen stack; the story list is always at the bottom.
    public var screens: [ReaderScreen] = [.list]
    /// The story list as last loaded (all stories, or only unread ones).
    public var stories: [StorySummary] = []
    public var hasLoaded = false
    public var totalCount = 0
    public var unreadCount = 0
    public var unreadOnly = false
    /// The selected story, kept by id so it survives reloads and resizes.
    public var selectedID: Int64?
    /// First visible row of the list.
    public var listTop = 0
    public var page: StoryPage?
    /// First visible line of the help or entities screen.
    public var overlayTop = 0
    /// A one-line message for the status bar, cleared by the next key.
    public var status: String?
    /// The read-mark changes `u` can take back, the latest last (at most `ReadMark.undoLimit`).
    public var undoStack: [ReadMark] = []
    public var isFinished = false
    /// The library search whose results the list shows, if any.
    public var search: String?
    /// The prompt line, while open.
    public var prompt: Prompt?
    /// The open entity page.
    public var entityPage: EntityPageState?
    /// Story pages and entity pages further down the screen stack, restored by `back`.
    public var savedPages: [StoryPage] = []
    public var savedEntityPages: [EntityPageState] = []
    public var index = EntityIndexState()
    /// The selected row of the story's entity panel.
    public var panelSelection = 0
    /// Whether opening a story marks it read (config `open_marks_read`).
    public var openMarksRead = true
    /// A feed refresh is running.
    public var isRefreshing = false

    public init(size: ScreenSize, theme: Theme = Theme(mode: .monochrome), keymap: Keymap = .standard) {
        self.size = size
        self.theme = theme
        self.keymap = keymap
    }

    /// The screen on top of the stack.
    public var screen: ReaderScreen { screens.last ?? .list }

    /// Rows between the title bar and the status bar.
    public var bodyHeight: Int { max(1, size.height - 2) }

    /// Screens at least this wide show the entity panel beside the story rather than over it.
    public static let panelBesideWidth = 110
    /// Columns the entity panel takes when beside the story.
    public static let panelWidth = 36

    /// True when the entity panel is open and drawn beside the story text.
    public var isPanelBeside: Bool { screen == .entities && size.width >= Self.panelBesideWidth }

    /// Index of the selected story in `stories`.
    public var selectedIndex: Int? {
        guard let selectedID else { return nil }
        return stories.firstIndex { $0.id == selectedID }
    }

    /// The selected story's list row.
    public var selectedStory: StorySummary? { selectedIndex.map { stories[$0] } }
}
