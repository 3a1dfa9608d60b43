import BriefModel
import BriefStore
import Foundation

/// The re-sectioning pass: sections again, from the original text the cache keeps, every story stored by an older
/// `ArticleParser.version` (kept per story since the "v9 quote speakers and dateline days" migration), and annotates
/// it, so older stories get their quotes' speakers, descriptions and translations, turn speakers, dateline days and
/// a `published` date from the dateline when they had none.
///
/// Stories are sectioned and tagged again on every core and replaced a batch at a time, each batch in a transaction
/// of its own (`StoryPass`, `Store.replaceSectioning`): a pass killed at any moment leaves every story either as it
/// was or wholly re-sectioned, and the next run carries on with the stories still below the version. Read marks,
/// stars, import times and feed items are never touched.
///
///     let pass = Resectioner(store: store, annotate: StoryAnnotator(tagger: tagger).annotate)
///     try pass.run { done, total in print("\(done)/\(total)") }
public struct Resectioner: Sendable {
    public let store: Store
    public let annotate: @Sendable (Story) -> Story
    /// The sectioning the pass brings stories to.
    public let version: Int

    public init(store: Store, annotate: @escaping @Sendable (Story) -> Story, version: Int = ArticleParser.version) {
        self.store = store
        self.annotate = annotate
        self.version = version
    }

    /// The stories still to section again, oldest first.
    public func pending() throws -> [Int64] { try store.storiesSectioned(below: version) }

    /// Sections every pending story again, calling `progress(done, total)` after each one is stored; returns how
    /// many were re-sectioned (a story removed meanwhile is passed over).
    @discardableResult
    public func run(progress: (Int, Int) -> Void = { _, _ in }) throws -> StoryPassOutcome {
        let store = self.store, annotate = self.annotate, version = self.version
        return try StoryPass.run(try pending(), progress: progress, prepare: { id -> (id: Int64, story: Story)? in
            guard let source = try store.sectioningSource(id: id) else { return nil }
            let parsed = ArticleParser.parse(source.originalText, format: source.format, reference: source.reference)
            return (id, annotate(parsed.story))
        }, store: { batch in
            try store.replaceSectioning(batch, version: version)
        })
    }
}
