import BriefHTTP
import Foundation

/// Sends one POST at a time per call to a sync server and returns the whole answer, or a `SyncError` naming what
/// went wrong. Every exchange runs under `HTTPLimits`. Cookies are neither stored nor sent: the protocols carry
/// their own session keys. The exchange goes through libcurl's easy interface (the feed fetcher's client,
/// `CurlTransfer`: URLSession's Linux transport spins the CPU while a server is silent).
public final class HTTPTransport: Sendable {
    public let limits: HTTPLimits

    public init(limits: HTTPLimits = HTTPLimits()) {
        self.limits = limits
    }

    /// Posts `body` to `url` and returns the answer of any status; the callers decide what a status means.
    public func post(_ url: URL, body: Data, contentType: String) async throws -> HTTPReply {
        let exchange = CurlRequest(url: url.absoluteString, body: body,
                                   headers: ["Content-Type: \(contentType)", "Accept: application/json", "User-Agent: Brief"],
                                   maxBytes: limits.maxBytes, idleTimeout: limits.idleTimeout,
                                   totalTimeout: limits.totalTimeout, maxRedirects: limits.maxRedirects)
        guard let response = await CurlTransfer.run(exchange) else {
            throw SyncError.unreachable(url: url.absoluteString, reason: CurlTransfer.unavailable)
        }
        return try Self.reply(response, url: url.absoluteString, limits: limits)
    }

    /// The answer, or the one-line error of how the exchange ended.
    static func reply(_ response: CurlResponse, url: String, limits: HTTPLimits) throws -> HTTPReply {
        let reason = response.message ?? "no detail"
        switch response.ending {
        case .complete:
            return HTTPReply(status: response.status, mediaType: response.mediaType ?? "", body: response.body)
        case .tooLarge: throw SyncError.tooLarge(url: url, limit: limits.maxBytes)
        case .cancelled: throw CancellationError()
        case .tooManyRedirects: throw SyncError.tooManyRedirects(url: url, limit: limits.maxRedirects)
        case .stalled: throw SyncError.timedOut(url: url, seconds: limits.idleTimeout)
        case .deadline: throw SyncError.timedOut(url: url, seconds: limits.totalTimeout)
        case .hostNotFound: throw SyncError.unreachable(url: url, reason: "host not found")
        case .refused: throw SyncError.unreachable(url: url, reason: "connection refused")
        case .cannotConnect: throw SyncError.unreachable(url: url, reason: reason)
        case .unsupportedAddress: throw SyncError.unreachable(url: url, reason: "not an http or https address")
        case .tls: throw SyncError.tls(url: url, reason: reason)
        case .connectionLost: throw SyncError.unreachable(url: url, reason: "the connection closed mid-answer")
        case .notHTTP: throw SyncError.malformed(url: url, what: "not an HTTP answer")
        case .failed: throw SyncError.unreachable(url: url, reason: reason)
        }
    }
}
