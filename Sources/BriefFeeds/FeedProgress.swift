/// Reported once per finished feed while `FeedFetcher.fetchAll` runs (in completion order).
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
}
