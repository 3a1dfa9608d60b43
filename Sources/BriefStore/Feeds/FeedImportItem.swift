import BriefModel
import Foundation
import Synchronization

/// One feed item ready to store: the annotated story, and the keys that recognise the same story again — within
/// its feed by `itemID`, across feeds by `guid`, `link` or `fingerprint`.
public struct FeedImportItem: Sendable {
    /// The item's identity within its feed (`FeedItem.id`: guid, else link, else `fingerprint:…`).
    public var itemID: String
    /// The item's guid / Atom id / JSON id as the feed gave it, if it gave one.
    public var guid: String?
    public var link: String?
    /// `ContentFingerprint` of headline and body: the same story syndicated elsewhere has the same one.
    public var fingerprint: String
    public var story: ImportItem

    public init(itemID: String, guid: String?, link: String?, fingerprint: String, story: ImportItem) {
        self.itemID = itemID
        self.guid = guid
        self.link = link
        self.fingerprint = fingerprint
        self.story = story
    }

    /// A feed item sectioned (`item.articleText` through the article parser) and annotated, with `source` the
    /// feed's title.
    public init(item: FeedItem, source: String, annotate: (Story) -> Story) {
        let text = item.articleText
        let parsed = ArticleParser.parse(text, format: .article)
        let fingerprint = item.fingerprint.value
        // FeedItem.id falls back to the link or the fingerprint; only a real guid is worth matching as one.
        let isOwnID = item.id != item.link && !item.id.hasPrefix("fingerprint:")
        self.init(itemID: item.id, guid: isOwnID ? item.id : nil, link: item.link, fingerprint: fingerprint,
                  story: ImportItem(story: annotate(parsed.story), originalText: text, source: source,
                                    published: item.published ?? parsed.published, format: .article))
    }
}

extension FeedImportItem {
    /// `items` prepared on all cores (sectioning and tagging are pure), in their order.
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
