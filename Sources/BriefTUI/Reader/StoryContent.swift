import BriefLayout
import BriefStore

/// What a story page holds: nothing yet while the story loads, then the story and its layout.
public enum StoryContent: Hashable, Sendable {
    /// Loading; once loaded, the first mention of `focusEntity` (if any) is focused.
    case loading(focusEntity: String?)
    /// The story and its layout for the width it is shown at.
    case loaded(StoredStory, StoryLayout)
}
