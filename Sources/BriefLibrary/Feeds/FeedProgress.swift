import BriefFeeds

/// Reported once per finished feed while `FeedRefresher.refreshAll` runs (in completion order), after the feed's
/// items are stored.
public struct FeedProgress: Sendable {
    /// Feeds finished so far, this one included.
    public var completed: Int
    public var total: Int
    public var result: FeedFetchResult

    public init(completed: Int, total: Int, result: FeedFetchResult) {
        self.completed = completed
        self.total = total
        self.result = result
    }

    /// True when this feed could not be fetched or stored.
    public var failed: Bool { result.error != nil }
}
