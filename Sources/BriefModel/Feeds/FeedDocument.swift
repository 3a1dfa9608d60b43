/// A parsed feed: its own title and web address, which family it came from, and its items (duplicates removed).
public struct FeedDocument: Hashable, Sendable, Codable {
    /// The feed's title as plain text; empty when it gave none.
    public var title: String
    /// The feed's web site (RSS channel `link`, Atom `link rel="alternate"`, JSON `home_page_url`), if any.
    public var link: String?
    public var kind: FeedKind
    /// In feed order; no two share an `id` or a `link`.
    public var items: [FeedItem]
    /// The encoding the text was read in when it was guessed (the body was not valid in the encoding it declared,
    /// or declared none and was not UTF-8), e.g. `windows-1252`; nil when the body said what it was.
    public var encodingFallback: String?
    /// Set when the XML was not well-formed and the complete items were read anyway.
    public var recovery: FeedRecovery?
    /// Items that were in the feed but had nothing to read (no title, link or text), left out of `items`.
    public var unreadableItems: Int

    public init(title: String, link: String? = nil, kind: FeedKind, items: [FeedItem], encodingFallback: String? = nil,
                recovery: FeedRecovery? = nil, unreadableItems: Int = 0) {
        self.title = title
        self.link = link
        self.kind = kind
        self.items = items
        self.encodingFallback = encodingFallback
        self.recovery = recovery
        self.unreadableItems = unreadableItems
    }

    /// What a reader should be told about how the feed was read, one short phrase each, for the import summary:
    /// `no items`, `read as windows-1252 (guessed)`, `recovered 3 items from a malformed feed (…)`,
    /// `2 empty items left out`. Empty when the feed read cleanly and held items.
    public var notes: [String] {
        var notes: [String] = []
        if items.isEmpty && recovery == nil && unreadableItems == 0 { notes.append("no items") }
        if let encodingFallback { notes.append("read as \(encodingFallback) (guessed)") }
        if let recovery { notes.append(recovery.summary) }
        if unreadableItems > 0 {
            notes.append("\(unreadableItems) empty \(unreadableItems == 1 ? "item" : "items") left out")
        }
        return notes
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
