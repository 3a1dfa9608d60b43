/// One subscription as the feed view shows it.
public struct FeedEntry: Hashable, Sendable {
    public var url: String
    /// The feed's title, or its address before it has one.
    public var title: String
    public var unread: Int
    public var total: Int
    /// Why the last fetch failed, if it did.
    public var lastError: String?

    public init(url: String, title: String, unread: Int, total: Int, lastError: String? = nil) {
        self.url = url
        self.title = title
        self.unread = unread
        self.total = total
        self.lastError = lastError
    }
}
