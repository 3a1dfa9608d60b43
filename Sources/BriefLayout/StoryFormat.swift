/// Who a story layout is for. Both get the same blocks in the same order, from the same code; the few
/// differences are what plain text needs in place of what only a screen has.
public enum StoryFormat: Hashable, Sendable {
    /// The reader: lines wrapped to `width` columns; styles set headings and speakers apart, a legend explains
    /// the mention colours, the source is in the title bar and the entities in their panel.
    case screen(width: Int)
    /// `brief show`: lines break only where the text does (a terminal or a pager wraps them); words mark what
    /// styles mark on screen (`## ` before a heading, `SPEAKER: ` before a turn), lists (quotes, entities)
    /// are indented without blank lines, the dateline ends with the source, and the entities close the story.
    case plain(source: String)
}
