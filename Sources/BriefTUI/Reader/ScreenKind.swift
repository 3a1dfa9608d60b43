/// The kinds of screen on the reader's stack (`ReaderScreen` without the state each carries).
public enum ScreenKind: Hashable, Sendable {
    case list
    case story
    case help
    /// The open story's entities (a panel beside or over the story).
    case entities
    /// The open story's quotes and who said them.
    case quotes
    case entityPage
    case entityIndex
    case feeds
}
