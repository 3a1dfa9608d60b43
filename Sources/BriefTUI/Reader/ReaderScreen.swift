/// One screen of the reader's stack with everything it shows and where the reader is in it, so leaving the
/// screens above it brings it back exactly as it was.
public enum ReaderScreen: Hashable, Sendable {
    /// The story list (always the bottom of the stack). Its stories and selection live in `ReaderState`,
    /// since every screen above reads and marks them.
    case list
    /// A story, loading or loaded.
    case story(StoryPage)
    /// The keys.
    case help(Cursor)
    /// The entities of the story right below it (a panel beside or over that story).
    case entities(EntityPanelState)
    /// The quotes of the story right below it, with their speakers (over the story).
    case quotes(Cursor)
    case entityPage(EntityPageState)
    case entityIndex(EntityIndexState)
    /// The folders and feeds (`F`).
    case feeds(FeedViewState)

    /// Which screen this is, without its state.
    public var kind: ScreenKind {
        switch self {
        case .list: .list
        case .story: .story
        case .help: .help
        case .entities: .entities
        case .quotes: .quotes
        case .entityPage: .entityPage
        case .entityIndex: .entityIndex
        case .feeds: .feeds
        }
    }
}
