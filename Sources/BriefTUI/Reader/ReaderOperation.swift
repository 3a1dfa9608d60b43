import BriefLibrary
import BriefStore
import BriefTagger

/// Everything the reader can do, by name. Keys map to these (see `Keymap`); effects report back as these.
public enum ReaderOperation: Hashable, Sendable {
    case moveDown, moveUp, pageDown, pageUp, top, bottom
    /// Opens the selected story, the focused entity's page, or the selected story or entity.
    case open
    /// Leaves the current screen; on the story list, quits.
    case back
    /// Quits from anywhere.
    case quit
    case toggleRead
    /// Stars the story, or takes its star off.
    case toggleStar
    /// Shows only starred stories in the list, or all again.
    case toggleStarredOnly
    case help
    case toggleUnreadOnly
    /// Next / previous unread story, or next / previous match while a search is active in the story.
    case nextUnread, previousUnread
    case markAllRead
    /// Undoes the last change of marks (`r`, `s`, mark all read, or opening an unread story).
    case undo
    case nextMention, previousMention
    case nextSection, previousSection
    /// Next / previous mention of the focused mention's entity.
    case nextSameEntity, previousSameEntity
    /// Shows the story's entities by type (beside the text when wide, over it when narrow).
    case entities
    /// Lists the story's quotes with their speakers; Enter goes to the quote in the text.
    case quotes
    /// Opens the library-wide entity index.
    case entityIndex
    /// Cycles the entity index's type filter.
    case cycleType
    /// Opens the prompt: library search, story search or name filter, by screen.
    case search
    /// Clears the search, the focus or the filter (in that order); otherwise does nothing.
    case clear
    /// Opens the story's link in the browser (`$BROWSER`), or copies it to the clipboard.
    case openLink, copyLink
    /// Shows the folders and feeds.
    case feeds
    /// Refreshes the feeds in the background.
    case refresh
    case resize(width: Int, height: Int)
    /// Mouse wheel, in lines (negative scrolls up).
    case wheel(Int)

    // Prompt editing (keys go here, not to the keymap, while the prompt is open).
    case typed(Character)
    case deleteBackward
    case submit
    case cancelPrompt

    // Results of effects, delivered by the app loop.
    /// The whole list (a short one).
    case listLoaded([StorySummary], total: Int, unread: Int)
    /// The list read again: its first window, with the counts for the title.
    case listPageLoaded(StoryWindow, total: Int, unread: Int)
    /// Another window of the same list (the selection moved near its edge), opening its anchor story with `open`.
    case listWindowLoaded(StoryWindow, open: Bool)
    /// A search's results, with the library's counts for the title (nil when not counted again).
    case searchLoaded(query: String, [StorySummary], total: Int?, unread: Int?)
    case storyLoaded(id: Int64, StoredStory?)
    /// The story is there but its text cannot be read (a damaged cache): `message` says so.
    case storyUnreadable(id: Int64, message: String)
    case markedAllRead([Int64])
    case entitiesLoaded(type: EntityType?, filter: String, [EntitySummary])
    case entityLoaded(key: String, EntityProfile?)
    /// More of an entity page's stories; the story at position `select` is selected.
    case entityStoriesLoaded(key: String, select: Int, EntityStoryWindow)
    case feedsLoaded(FeedOverview)
    case refreshProgress(String)
    case refreshFinished(String)
    case failed(String)
    /// The terminal's idle tick (a few times a second): time to look for other processes' changes.
    case tick
    /// Another process changed the cache (a mark, a fetch, a prune): what is shown is read again.
    case changedOutside
    /// An effect's message for the status bar (a link opened or copied).
    case notice(String)
}
