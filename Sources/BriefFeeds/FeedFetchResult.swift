/// One feed's request and what came of it.
public struct FeedFetchResult: Hashable, Sendable {
    public var request: FeedRequest
    public var outcome: FeedFetchOutcome

    public init(request: FeedRequest, outcome: FeedFetchOutcome) {
        self.request = request
        self.outcome = outcome
    }

    /// The error when the fetch failed, else nil.
    public var error: FeedFetchError? {
        if case .failed(let error) = outcome { return error }
        return nil
    }

    /// The parsed feed when one was fetched, else nil.
    public var fetched: FetchedFeed? {
        if case .fetched(let feed) = outcome { return feed }
        return nil
    }
}
