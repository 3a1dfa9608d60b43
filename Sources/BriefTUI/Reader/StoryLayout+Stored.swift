import BriefLayout
import BriefStore

extension StoryLayout {
    /// Lays out a stored story for the reader in `width` columns, under the day it was published (or `undated`).
    public init(_ stored: StoredStory, width: Int) {
        self.init(stored.story, date: stored.summary.published, width: width)
    }
}
