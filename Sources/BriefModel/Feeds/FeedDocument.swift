/// A parsed feed: its own title and web address, which family it came from, and its items (duplicates removed).
public struct FeedDocument: Hashable, Sendable, Codable {
    /// The feed's title as plain text; empty when it gave none.
    public var title: String
    /// The feed's web site (RSS channel `link`, Atom `link rel="alternate"`, JSON `home_page_url`), if any.
    public var link: String?
    public var kind: FeedKind
    /// In feed order; no two share an `id` or a `link`.
    public var items: [FeedItem]

    public init(title: String, link: String? = nil, kind: FeedKind, items: [FeedItem]) {
        self.title = title
        self.link = link
        self.kind = kind
        self.items = items
    }

    /// The items with later duplicates removed: an item whose id, or whose link, was already seen is dropped
    /// (feeds that repeat an entry, or give it a fresh guid but the same link).
    static func deduplicated(_ items: [FeedItem]) -> [FeedItem] {
        var ids = Set<String>()
        var links = Set<String>()
        var kept: [FeedItem] = []
        kept.reserveCapacity(items.count)
        for item in items {
            if ids.contains(item.id) { continue }
            if let link = item.link, links.contains(link) { continue }
            ids.insert(item.id)
            if let link = item.link { links.insert(link) }
            kept.append(item)
        }
        return kept
    }
}
