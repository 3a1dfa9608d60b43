import BriefModel
import BriefStore
import Foundation

/// The re-annotation pass: re-tags every story stored with an older annotation (`StoryAnnotator.version`, kept per
/// story since the "v8 canonical entities" migration) from the text the cache keeps (its sections and paragraphs,
/// as sectioned at import), so its mentions and entities link to canonical entities.
///
/// Stories are tagged again on every core and replaced a batch at a time, each batch in a transaction of its own
/// (`StoryPass`, `Store.replaceAnnotations`): a pass killed at any moment leaves every story either as it was or
/// wholly re-tagged, and the next run carries on with the stories still below the version. Read marks, quotes and
/// feed items are never touched.
///
///     let pass = Reannotator(store: store, annotate: StoryAnnotator(tagger: tagger).annotate)
///     try pass.run { done, total in print("\(done)/\(total)") }
public struct Reannotator: Sendable {
    public let store: Store
    public let annotate: @Sendable (Story) -> Story
    /// The annotation the pass brings stories to.
    public let version: Int

    public init(store: Store, annotate: @escaping @Sendable (Story) -> Story, version: Int = StoryAnnotator.version) {
        self.store = store
        self.annotate = annotate
        self.version = version
    }

    /// The stories still to re-tag, oldest first.
    public func pending() throws -> [Int64] { try store.storiesAnnotated(below: version) }

    /// Re-tags every pending story, calling `progress(done, total)` after each one is stored; returns how many
    /// were re-tagged (a story removed meanwhile is passed over) and which could not be read (damaged text).
    @discardableResult
    public func run(progress: (Int, Int) -> Void = { _, _ in }) throws -> StoryPassOutcome {
        let store = self.store, annotate = self.annotate, version = self.version
        return try StoryPass.run(try pending(), progress: progress, prepare: { id -> (id: Int64, story: Story)? in
            guard let stored = try store.story(id: id) else { return nil }
            var story = stored.story
            story.entities = []
            for s in story.sections.indices {
                for p in story.sections[s].paragraphs.indices { story.sections[s].paragraphs[p].mentions = [] }
            }
            var annotated = annotate(story)
            annotated.annotationVersion = version
            return (id, annotated)
        }, store: { batch in
            try store.replaceAnnotations(batch)
        })
    }
}
