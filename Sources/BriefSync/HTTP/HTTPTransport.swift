import BriefHTTP
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends one POST at a time per call to a sync server and returns the whole answer, or a `SyncError` naming what
/// went wrong. Every exchange runs under `HTTPLimits`. Cookies are neither stored nor sent: the protocols carry
/// their own session keys. The exchange goes through libcurl's easy interface where it can be loaded (the feed
/// fetcher's client, `CurlTransfer`: URLSession's Linux transport spins the CPU while a server is silent), else
/// through URLSession.
public final class HTTPTransport: Sendable {
    public let limits: HTTPLimits
    private let session: URLSession
    private let delegate: TransportDelegate

    public init(limits: HTTPLimits = HTTPLimits()) {
        self.limits = limits
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = limits.idleTimeout
        configuration.timeoutIntervalForResource = limits.totalTimeout
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        delegate = TransportDelegate(limits: limits)
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    deinit {
        session.invalidateAndCancel()
    }

    /// Posts `body` to `url` and returns the answer of any status; the callers decide what a status means.
    public func post(_ url: URL, body: Data, contentType: String) async throws -> HTTPReply {
        let exchange = CurlRequest(url: url.absoluteString, body: body,
                                   headers: ["Content-Type: \(contentType)", "Accept: application/json", "User-Agent: Brief"],
                                   maxBytes: limits.maxBytes, idleTimeout: limits.idleTimeout,
                                   totalTimeout: limits.totalTimeout, maxRedirects: limits.maxRedirects)
        if let response = await CurlTransfer.run(exchange) {
            return try Self.reply(response, url: url.absoluteString, limits: limits)
        }
        return try await postThroughURLSession(url, body: body, contentType: contentType)
    }

    /// The answer, or the one-line error of how the exchange ended.
    static func reply(_ response: CurlResponse, url: String, limits: HTTPLimits) throws -> HTTPReply {
        let reason = response.message ?? "no detail"
        switch response.ending {
        case .complete:
            let type = response.header("Content-Type") ?? ""
            let mediaType = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            return HTTPReply(status: response.status, mediaType: mediaType, body: response.body)
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

    private func postThroughURLSession(_ url: URL, body: Data, contentType: String) async throws -> HTTPReply {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = body
        request.httpShouldHandleCookies = false
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.setValue("Brief", forHTTPHeaderField: "User-Agent")
        let task = session.dataTask(with: request)
        let delegate = self.delegate
        let total = limits.totalTimeout
        // The session's resource timeout is not honoured everywhere; this deadline is ours and always fires.
        let deadline = Task.detached {
            try await Task.sleep(for: .seconds(total))
            delegate.expire(task)
        }
        defer { deadline.cancel() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                delegate.register(task, url: url.absoluteString, continuation: continuation)
                task.resume()
            }
        } onCancel: {
            task.cancel()
        }
    }
}
