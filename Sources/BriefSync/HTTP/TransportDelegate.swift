import Foundation
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Collects each task's answer within `HTTPLimits` and resumes its caller once, with the reply or a `SyncError`.
final class TransportDelegate: NSObject, URLSessionDataDelegate, Sendable {
    private struct Pending {
        var continuation: CheckedContinuation<HTTPReply, any Error>
        var url: String
        var body = Data()
        var status = 0
        var mediaType = ""
        /// Set when the client itself stopped the task (size, redirects, deadline): that, not "cancelled", is why.
        var failure: SyncError?
        var redirects = 0
    }

    let limits: HTTPLimits
    private let pending = Mutex<[Int: Pending]>([:])

    init(limits: HTTPLimits) {
        self.limits = limits
    }

    func register(_ task: URLSessionTask, url: String, continuation: CheckedContinuation<HTTPReply, any Error>) {
        pending.withLock { $0[task.taskIdentifier] = Pending(continuation: continuation, url: url) }
    }

    /// The whole-exchange deadline passed: stop the task and say so.
    func expire(_ task: URLSessionTask) {
        let stopped = pending.withLock { table -> Bool in
            guard var entry = table[task.taskIdentifier] else { return false }
            entry.failure = .timedOut(url: entry.url, seconds: limits.totalTimeout)
            table[task.taskIdentifier] = entry
            return true
        }
        if stopped { task.cancel() }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let tooLarge = pending.withLock { table -> Bool in
            guard var entry = table[dataTask.taskIdentifier] else { return false }
            if let http = response as? HTTPURLResponse {
                entry.status = http.statusCode
                let type = http.value(forHTTPHeaderField: "Content-Type") ?? ""
                entry.mediaType = type.split(separator: ";").first.map {
                    $0.trimmingCharacters(in: .whitespaces).lowercased()
                } ?? ""
            }
            let announced = response.expectedContentLength
            if announced > Int64(limits.maxBytes) {
                entry.failure = .tooLarge(url: entry.url, limit: limits.maxBytes)
            }
            table[dataTask.taskIdentifier] = entry
            return entry.failure != nil
        }
        completionHandler(tooLarge ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let tooLarge = pending.withLock { table -> Bool in
            guard var entry = table[dataTask.taskIdentifier], entry.failure == nil else { return false }
            if entry.body.count + data.count > limits.maxBytes {
                entry.failure = .tooLarge(url: entry.url, limit: limits.maxBytes)
                entry.body = Data()
            } else {
                entry.body.append(data)
            }
            table[dataTask.taskIdentifier] = entry
            return entry.failure != nil
        }
        if tooLarge { dataTask.cancel() }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        let follow = pending.withLock { table -> Bool in
            guard var entry = table[task.taskIdentifier] else { return false }
            entry.redirects += 1
            if entry.redirects > limits.maxRedirects {
                entry.failure = .tooManyRedirects(url: entry.url, limit: limits.maxRedirects)
            }
            table[task.taskIdentifier] = entry
            return entry.failure == nil
        }
        completionHandler(follow ? request : nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let entry = pending.withLock({ $0.removeValue(forKey: task.taskIdentifier) }) else { return }
        if let failure = entry.failure {
            entry.continuation.resume(throwing: failure)
        } else if let error {
            entry.continuation.resume(throwing: Self.syncError(error, url: entry.url, limits: limits))
        } else {
            entry.continuation.resume(returning: HTTPReply(status: entry.status, mediaType: entry.mediaType, body: entry.body))
        }
    }

    /// Names a transport failure in one line.
    static func syncError(_ error: any Error, url: String, limits: HTTPLimits) -> any Error {
        guard let error = error as? URLError else {
            return SyncError.unreachable(url: url, reason: String(describing: error))
        }
        // On Linux a failed handshake surfaces as an unknown error (-1) from libcurl; on https that is TLS.
        if url.hasPrefix("https:"), error.code == .unknown || error.code == .badServerResponse {
            return SyncError.tls(url: url, reason: "the handshake failed (is it an https server?)")
        }
        switch error.code {
        case .cancelled:
            return CancellationError()
        case .timedOut:
            return SyncError.timedOut(url: url, seconds: limits.idleTimeout)
        case .httpTooManyRedirects, .redirectToNonExistentLocation:
            return SyncError.tooManyRedirects(url: url, limit: limits.maxRedirects)
        case .secureConnectionFailed:
            return SyncError.tls(url: url, reason: "the secure connection could not be made")
        case .serverCertificateUntrusted, .serverCertificateHasUnknownRoot:
            return SyncError.tls(url: url, reason: "the server's certificate is not trusted")
        case .serverCertificateHasBadDate, .serverCertificateNotYetValid:
            return SyncError.tls(url: url, reason: "the server's certificate is out of date")
        case .clientCertificateRejected, .clientCertificateRequired:
            return SyncError.tls(url: url, reason: "the server wants a client certificate")
        case .cannotConnectToHost:
            return SyncError.unreachable(url: url, reason: "connection refused")
        case .cannotFindHost, .dnsLookupFailed:
            return SyncError.unreachable(url: url, reason: "host not found")
        case .networkConnectionLost:
            return SyncError.unreachable(url: url, reason: "the connection closed mid-answer")
        case .notConnectedToInternet:
            return SyncError.unreachable(url: url, reason: "no network")
        case .badServerResponse:
            return SyncError.malformed(url: url, what: "not an HTTP answer")
        case .dataLengthExceedsMaximum:
            return SyncError.tooLarge(url: url, limit: limits.maxBytes)
        default:
            return SyncError.unreachable(url: url, reason: "URL error \(error.code.rawValue)")
        }
    }
}
