/// A feed downloaded and not parsed yet (`FeedFetcher.download`); `FeedFetcher.read` makes it a `FeedFetchResult`.
public struct FeedDownloaded: Sendable {
    public let request: FeedRequest
    let transfer: FeedFetcher.Transfer

    /// True when there is a body to parse; false when the transfer's outcome is known already (not modified, or
    /// failed).
    public var hasBody: Bool {
        if case .body = transfer { true } else { false }
    }
}
