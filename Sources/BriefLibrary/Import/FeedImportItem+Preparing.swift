import BriefModel
import BriefStore
import Foundation
import Synchronization

/// Feed items made ready to store: sectioned by the article parser and annotated (the tagger), with the keys that
/// recognise the same story again. Used by `brief import` for feed files and by `FeedRefresher` for fetched feeds.
extension FeedImportItem {
    /// A feed item sectioned (`item.articleText` through the article parser) and annotated, with `source` the
    /// feed's title.
    public init(item: FeedItem, source: String, annotate: (Story) -> Story) {
        let (text, fingerprint) = item.articleTextAndFingerprint
        let parsed = ArticleParser.parse(text, format: .article, reference: item.published ?? Date())
        // FeedItem.id falls back to the link or the fingerprint; only a real guid is worth matching as one.
        let isOwnID = item.id != item.link && !item.id.hasPrefix("fingerprint:")
        self.init(itemID: item.id, guid: isOwnID ? item.id : nil, link: item.link, fingerprint: fingerprint.value,
                  story: ImportItem(story: annotate(parsed.story), originalText: text, source: source,
                                    published: item.published ?? parsed.published, format: .article))
    }

    /// How many of a feed's items are prepared and stored at a time, each chunk in a transaction of its own, by
    /// `brief fetch` (`FeedRefresher`) and `brief import` of a feed file: a feed of thousands of items then holds
    /// no more prepared stories in memory than one of a thousand. Two fetched feeds of 6,000 items (10 MB each,
    /// near the largest a fetch takes) peaked at 322 MB prepared whole, 217 MB in chunks. Not smaller: every
    /// transaction rewrites the index pages its rows land on, so a 100,000-story fetch in chunks of 250 took
    /// 163–174 s against 127 s in chunks of 1,000.
    public static let chunkSize = 1000

    /// How many items at the end of a refresh's or an import's last chunk (`count` items; for an import of files, its
    /// last batch) are prepared and stored apart, after the rest; nil to keep the chunk whole. The store of the last
    /// part is the only one no tagging overlaps: the rest is stored while the last part is tagged (storing takes about
    /// a third of tagging's time), so a third keeps both busy and leaves a third of the chunk's store alone at the
    /// end. A 20 × 500 fetch ended with 0.3 s of storing on one core. Small chunks are not worth a second transaction.
    static func finalPart(of count: Int) -> Int? {
        count >= 60 ? count / 3 : nil
    }

    /// `run` (a chunk of items, a batch of files) as it is stored: in two parts (`finalPart`) when it is the last one
    /// stored, whole otherwise.
    static func parts<Run: Collection>(_ run: Run, last: Bool) -> [Run.SubSequence] {
        guard last, let final = finalPart(of: run.count) else { return [run[...]] }
        return [run.dropLast(final), run.suffix(final)]
    }

    /// `items` cut into runs of at most `chunkSize`, in order; one empty run when there are none, so that the
    /// store still learns, with the first run, which items the feed carries.
    static func chunks(_ items: [FeedItem]) -> [ArraySlice<FeedItem>] {
        guard !items.isEmpty else { return [items[...]] }
        return stride(from: 0, to: items.count, by: chunkSize).map { items[$0..<min($0 + chunkSize, items.count)] }
    }

    /// `items` prepared on all cores (sectioning and tagging are pure), in their order.
    ///
    /// Blocking, on purpose: `FeedRefresher` calls it from a task-group child. Tagging is pure CPU work, and
    /// `concurrentPerform` spreads one feed's items over every core with no per-item task; the calling thread
    /// waits no longer than the tagging itself takes, and never for I/O.
    public static func prepare(_ items: [FeedItem], source: String, annotate: @Sendable (Story) -> Story)
        -> [FeedImportItem] {
        guard items.count > 1 else { return items.map { FeedImportItem(item: $0, source: source, annotate: annotate) } }
        let prepared = Mutex<[FeedImportItem?]>(Array(repeating: nil, count: items.count))
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            let item = FeedImportItem(item: items[index], source: source, annotate: annotate)
            prepared.withLock { $0[index] = item }
        }
        return prepared.withLock { $0.compactMap { $0 } }
    }
}
