/// A folder of the feed view (an OPML outline, `brief feed add --folder`) with its feeds.
public struct FeedFolder: Hashable, Sendable {
    public var name: String
    public var feeds: [FeedEntry]

    public init(name: String, feeds: [FeedEntry]) {
        self.name = name
        self.feeds = feeds
    }

    /// Its feeds' counts added up (a story two of its feeds carry counts in each).
    public var unread: Int { feeds.reduce(0) { $0 + $1.unread } }
    public var total: Int { feeds.reduce(0) { $0 + $1.total } }
}
