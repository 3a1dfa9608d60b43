/// What the text typed at the prompt line is for.
public enum PromptPurpose: Hashable, Sendable {
    /// Search the whole library (story list).
    case library
    /// Search the open story.
    case story
    /// Filter the entity index by name, as the reader types.
    case entityName
    /// Filter the entity page's stories by headline, as the reader types.
    case entityStories
}
