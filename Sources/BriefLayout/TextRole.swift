/// What a piece of story text is, which a front end turns into a look: the reader maps each role to colours
/// and attributes with its theme; plain text shows none of them.
public enum TextRole: Hashable, Sendable, CaseIterable {
    case plain
    case headline
    case dateline
    case sectionHeading
    /// The speaker of a transcript turn.
    case speaker
    /// Credits at the end of a story (reporting by…).
    case credits
    case quote
    case quoteSpeaker
    /// Secondary words: counts, aliases, hints.
    case note
}
