/// Maps keys to named operations. The help screen is generated from it, so it cannot drift.
public struct Keymap: Hashable, Sendable {
    public var bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) { self.bindings = bindings }

    /// The operation bound to `key`, if any (the first binding wins).
    public func operation(for key: Key) -> ReaderOperation? {
        bindings.first { $0.keys.contains(key) }?.operation
    }

    /// This keymap with the operation called `name` bound to `keys` instead, the keys taken from any other
    /// operation that had them. Nil when no operation has that name.
    public func rebinding(_ name: String, to keys: [Key]) -> Keymap? {
        guard let target = bindings.firstIndex(where: { $0.name == name }) else { return nil }
        var copy = self
        for index in copy.bindings.indices where index != target {
            copy.bindings[index].keys.removeAll { keys.contains($0) }
        }
        copy.bindings[target].keys = keys
        return copy
    }

    /// The keys Brief ships with.
    public static let standard = Keymap(bindings: [
        KeyBinding("down", [.character("j"), .down], .moveDown, .everywhere, "Move down / scroll down"),
        KeyBinding("up", [.character("k"), .up], .moveUp, .everywhere, "Move up / scroll up"),
        KeyBinding("page_down", [.character(" "), .pageDown, .character("f")], .pageDown, .everywhere, "Page down"),
        KeyBinding("page_up", [.character("b"), .pageUp], .pageUp, .everywhere, "Page up"),
        KeyBinding("top", [.character("g"), .home], .top, .everywhere, "Go to the top"),
        KeyBinding("bottom", [.character("G"), .end], .bottom, .everywhere, "Go to the bottom"),
        KeyBinding("open", [.enter, .character("l"), .right], .open, .everywhere,
                   "Open the story / name's page / selection"),
        KeyBinding("search", [.character("/")], .search, .everywhere, "Search the library or story, or filter"),
        KeyBinding("clear", [.escape], .clear, .everywhere, "Clear the search, focus or filter"),
        KeyBinding("toggle_read", [.character("r")], .toggleRead, .reading, "Toggle read / unread"),
        KeyBinding("star", [.character("s")], .toggleStar, .reading, "Star / unstar the story"),
        KeyBinding("open_link", [.character("o")], .openLink, .reading, "Open the story's link in the browser"),
        KeyBinding("copy_link", [.character("y")], .copyLink, .reading, "Copy the story's link (OSC 52)"),
        KeyBinding("next_unread", [.character("n")], .nextUnread, .reading, "Next unread story, or next match"),
        KeyBinding("previous_unread", [.character("N")], .previousUnread, .reading,
                   "Previous unread story, or previous match"),
        KeyBinding("undo", [.character("u")], .undo, .reading,
                   "Undo the last mark (r, s, A or opening)"),
        KeyBinding("entity_index", [.character("e")], .entityIndex, .reading, "All entities, most mentioned first"),
        KeyBinding("unread_only", [.character("U")], .toggleUnreadOnly, .list, "Show only unread stories / all"),
        KeyBinding("starred_only", [.character("S")], .toggleStarredOnly, .list, "Show only starred stories / all"),
        KeyBinding("feeds", [.character("F")], .feeds, .list, "Folders and feeds (Enter: their stories)"),
        KeyBinding("mark_all_read", [.character("A")], .markAllRead, .list,
                   "Mark all stories read (or the feed's)"),
        KeyBinding("refresh", [.character("R")], .refresh, .list, "Sync, refresh feeds; prune by keep_days"),
        KeyBinding("next_name", [.tab], .nextMention, .story, "Focus the next name"),
        KeyBinding("previous_name", [.backTab], .previousMention, .story, "Focus the previous name"),
        KeyBinding("next_same", [.character("*")], .nextSameEntity, .story, "Next mention of the focused entity"),
        KeyBinding("previous_same", [.character("#")], .previousSameEntity, .story,
                   "Previous mention of the focused entity"),
        KeyBinding("next_section", [.character("]")], .nextSection, .story, "Next section"),
        KeyBinding("previous_section", [.character("[")], .previousSection, .story, "Previous section"),
        KeyBinding("entity_panel", [.character("E")], .entities, .story, "Entities in this story"),
        KeyBinding("quotes_panel", [.character("\"")], .quotes, .story, "Quotes in this story, who said them"),
        KeyBinding("type_filter", [.character("t")], .cycleType, .entities, "Entity index: cycle the type filter"),
        KeyBinding("back", [.character("q"), .character("h"), .left, .backspace], .back, .everywhere,
                   "Back (quits from the story list)"),
        KeyBinding("quit", [.character("Q")], .quit, .everywhere, "Quit"),
        KeyBinding("help", [.character("?")], .help, .everywhere, "Show / hide this help"),
    ])
}
