/// What came of fetching one feed.
public enum FeedFetchOutcome: Hashable, Sendable {
    /// A new body, parsed.
    case fetched(FetchedFeed)
    /// 304: unchanged since the validators were issued. Carries the validators to keep (updated if the server
    /// sent new ones with the 304).
    case notModified(FeedValidators)
    case failed(FeedFetchError)
}
