/// Items a sync server delivered for one of its feeds, ready to store: each with its server id.
public struct SyncedFeedItems: Sendable {
    /// The feed's address: the key its items are stored under, as for a feed Brief fetches itself.
    public var feedURL: String
    public var serverFeedID: Int
    public var items: [(serverID: Int, item: FeedImportItem)]

    public init(feedURL: String, serverFeedID: Int, items: [(serverID: Int, item: FeedImportItem)]) {
        self.feedURL = feedURL
        self.serverFeedID = serverFeedID
        self.items = items
    }
}
