import BriefStore
import Foundation

/// One element of `brief feed list --json`.
struct FeedListEntry: Encodable {
    var url: String
    var title: String?
    var tags: [String]
    /// ISO 8601 UTC of the last successful fetch, or null.
    var lastFetched: Date?
    /// Why the last fetch failed, or null.
    var lastError: String?
    /// Items the cache holds from this feed.
    var items: Int

    init(_ feed: StoredFeed) {
        url = feed.url
        title = feed.title
        tags = feed.tags
        lastFetched = feed.lastFetched
        lastError = feed.lastError
        items = feed.items
    }

    private enum CodingKeys: String, CodingKey { case url, title, tags, lastFetched, lastError, items }

    // Nulls written out, so every key is always present.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(url, forKey: .url)
        try container.encode(title, forKey: .title)
        try container.encode(tags, forKey: .tags)
        try container.encode(lastFetched, forKey: .lastFetched)
        try container.encode(lastError, forKey: .lastError)
        try container.encode(items, forKey: .items)
    }
}
