import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends one POST at a time per call to a sync server and returns the whole answer, or a `SyncError` naming what
/// went wrong. Every exchange runs under `HTTPLimits`. Cookies are neither stored nor sent: the protocols carry
/// their own session keys.
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
