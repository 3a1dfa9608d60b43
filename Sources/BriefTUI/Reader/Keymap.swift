/// Maps keys to named operations. The help screen is generated from it, so it cannot drift.
public struct Keymap: Hashable, Sendable {
    public var bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) { self.bindings = bindings }

    /// The operation bound to `key`, if any (the first binding wins).
    public func operation(for key: Key) -> ReaderOperation? {
        bindings.first { $0.keys.contains(key) }?.operation
    }

    /// The keys Brief ships with.
    public static let standard = Keymap(bindings: [
        KeyBinding([.character("j"), .down], .moveDown, .everywhere, "Move down / scroll down"),
        KeyBinding([.character("k"), .up], .moveUp, .everywhere, "Move up / scroll up"),
        KeyBinding([.character(" "), .pageDown, .character("f")], .pageDown, .everywhere, "Page down"),
        KeyBinding([.character("b"), .pageUp], .pageUp, .everywhere, "Page up"),
        KeyBinding([.character("g"), .home], .top, .everywhere, "Go to the top"),
        KeyBinding([.character("G"), .end], .bottom, .everywhere, "Go to the bottom"),
        KeyBinding([.enter, .character("l"), .right], .open, .list, "Open the selected story"),
        KeyBinding([.character("r")], .toggleRead, .everywhere, "Toggle read / unread"),
        KeyBinding([.character("U")], .toggleUnreadOnly, .list, "Show only unread stories / all"),
        KeyBinding([.character("n")], .nextUnread, .everywhere, "Next unread story"),
        KeyBinding([.character("N")], .previousUnread, .everywhere, "Previous unread story"),
        KeyBinding([.character("A")], .markAllRead, .list, "Mark all stories read"),
        KeyBinding([.character("u")], .undo, .list, "Undo mark all read"),
        KeyBinding([.tab], .nextMention, .story, "Focus the next name"),
        KeyBinding([.backTab], .previousMention, .story, "Focus the previous name"),
        KeyBinding([.character("*")], .nextSameEntity, .story, "Next mention of the focused entity"),
        KeyBinding([.character("#")], .previousSameEntity, .story, "Previous mention of the focused entity"),
        KeyBinding([.character("]")], .nextSection, .story, "Next section"),
        KeyBinding([.character("[")], .previousSection, .story, "Previous section"),
        KeyBinding([.character("E")], .entities, .story, "Entities in this story"),
        KeyBinding([.character("q"), .character("h"), .left, .escape], .back, .everywhere,
                   "Back (quits from the story list)"),
        KeyBinding([.character("Q")], .quit, .everywhere, "Quit"),
        KeyBinding([.character("?")], .help, .everywhere, "Show / hide this help"),
    ])
}
