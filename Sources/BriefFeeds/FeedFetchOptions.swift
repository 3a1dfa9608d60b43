import BriefModel
import Foundation

/// Limits for fetching feeds. The defaults suit a reader fetching a few dozen feeds by hand.
public struct FeedFetchOptions: Hashable, Sendable {
    /// Seconds to wait for the connection or for the next bytes before giving up.
    public var requestTimeout: TimeInterval
    /// Seconds a whole fetch (redirects and body included) may take.
    public var resourceTimeout: TimeInterval
    /// Bytes of (decoded) body accepted; a larger response is cancelled as soon as it passes this.
    public var maxBytes: Int
    /// Redirects followed before giving up.
    public var maxRedirects: Int
    /// Sent as `User-Agent`.
    public var userAgent: String

    public init(requestTimeout: TimeInterval = 20, resourceTimeout: TimeInterval = 60, maxBytes: Int = FeedParser.maxBytes,
                maxRedirects: Int = 5, userAgent: String = "Brief/0.1 (terminal feed reader)") {
        self.requestTimeout = requestTimeout
        self.resourceTimeout = resourceTimeout
        self.maxBytes = maxBytes
        self.maxRedirects = maxRedirects
        self.userAgent = userAgent
    }
}
