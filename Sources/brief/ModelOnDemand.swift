import BriefModel
import BriefTagger
import Foundation
import Synchronization

/// The entity model, loaded the first time a story needs tagging, so the reader's first frame does not wait
/// for it (tens of milliseconds) and a reading session that never refreshes feeds never loads it.
/// `brief` checks that the model is there before the reader starts; a model that is there but cannot be read
/// leaves stories untagged rather than stopping a refresh half-way.
final class ModelOnDemand: Sendable {
    private let directory: URL
    private let annotator = Mutex<StoryAnnotator?>(nil)

    init(directory: URL) {
        self.directory = directory
    }

    func annotate(_ story: Story) -> Story {
        let annotator: StoryAnnotator? = self.annotator.withLock { held in
            if held == nil { held = try? StoryAnnotator(tagger: Tagger.load(from: directory)) }
            return held
        }
        return annotator?.annotate(story) ?? story
    }
}
