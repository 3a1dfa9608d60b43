import BriefStore

/// Everything the reader can do, by name. Keys map to these (see `Keymap`); effects report back as these.
public enum ReaderOperation: Hashable, Sendable {
    case moveDown, moveUp, pageDown, pageUp, top, bottom
    /// Opens the selected story.
    case open
    /// Leaves the current screen; on the story list, quits.
    case back
    /// Quits from anywhere.
    case quit
    case toggleRead
    case help
    case toggleUnreadOnly
    case nextUnread, previousUnread
    case markAllRead
    /// Undoes the last mark-all-read.
    case undo
    case nextMention, previousMention
    case nextSection, previousSection
    /// Next / previous mention of the focused mention's entity.
    case nextSameEntity, previousSameEntity
    /// Shows the story's entities by type.
    case entities
    case resize(width: Int, height: Int)

    // Results of effects, delivered by the app loop.
    case listLoaded([StorySummary], total: Int, unread: Int)
    case storyLoaded(id: Int64, StoredStory?)
    case markedAllRead([Int64])
    case failed(String)
}
