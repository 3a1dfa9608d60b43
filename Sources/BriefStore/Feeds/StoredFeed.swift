import Foundation

/// One feed subscription as the cache keeps it: where to fetch it, what to call it, how it went last time.
public struct StoredFeed: Hashable, Sendable, Codable {
    /// The feed's address (updated when a fetch meets a permanent redirect).
    public var url: String
    /// The name the user gave it, or the feed's own title once fetched; nil before either.
    public var title: String?
    /// Folders it belongs to (OPML folders on import, OPML folders again on export).
    public var tags: [String]
    /// `ETag` of the last good response, sent back as `If-None-Match`.
    public var etag: String?
    /// `Last-Modified` of the last good response, sent back as `If-Modified-Since`.
    public var lastModified: String?
    /// When the feed was last fetched successfully (a new body or a 304).
    public var lastFetched: Date?
    /// Why the last fetch failed, or nil when it succeeded (or has not happened yet).
    public var lastError: String?
    public var addedAt: Date
    /// Items the cache holds from this feed.
    public var items: Int

    public init(url: String, title: String? = nil, tags: [String] = [], etag: String? = nil,
                lastModified: String? = nil, lastFetched: Date? = nil, lastError: String? = nil,
                addedAt: Date = Date(), items: Int = 0) {
        self.url = url
        self.title = title
        self.tags = tags
        self.etag = etag
        self.lastModified = lastModified
        self.lastFetched = lastFetched
        self.lastError = lastError
        self.addedAt = addedAt
        self.items = items
    }
}
