import Foundation

/// A failed fetch: which feed, and why. Its description is the one-line message for the user,
/// e.g. `https://news.example/feed.xml: http 404`.
public struct FeedFetchError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The feed's address as requested (not the address a redirect led to).
    public var url: URL
    public var reason: FeedFetchFailure

    public init(url: URL, reason: FeedFetchFailure) {
        self.url = url
        self.reason = reason
    }

    public var description: String { "\(url.absoluteString): \(reason)" }
}
