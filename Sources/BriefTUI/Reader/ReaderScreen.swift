/// The screens of the reader, kept as a stack (the story list is always at the bottom).
public enum ReaderScreen: Hashable, Sendable {
    case list
    case story
    case help
    /// The open story's entities (a panel beside or over the story).
    case entities
    case entityPage
    case entityIndex
}
