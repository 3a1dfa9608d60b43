import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP transfer driven by URLSession's delegate callbacks, which is the only way on Linux to see the body as it
/// arrives (there is no `URLSession.bytes`): it counts bytes against the cap and cancels past it, counts redirects,
/// and enforces the whole-fetch deadline with its own timer.
final class FeedDownload: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// How the transfer ended, as raw facts; `FeedFetcher` turns them into an outcome.
    struct Ending: Sendable {
        var body: Data
        var response: HTTPURLResponse?
        var error: URLError.Code?
        var errorMessage: String?
        var stoppedForSize: Bool
        var stoppedForDeadline: Bool
        var stoppedForRedirects: Bool
        var allRedirectsPermanent: Bool
    }

    private let options: FeedFetchOptions
    // Callbacks arrive on the session's serial delegate queue; the timer and cancellation come from elsewhere.
    private let lock = NSLock()
    private var body = Data()
    private var redirects = 0
    private var allRedirectsPermanent = true
    private var stoppedForSize = false
    private var stoppedForDeadline = false
    private var stoppedForRedirects = false
    private var continuation: CheckedContinuation<Ending, Never>?
    private var task: URLSessionDataTask?

    init(options: FeedFetchOptions) {
        self.options = options
    }

    /// Runs the transfer of `request` to its end (success, failure, cap, deadline or cancellation).
    func run(_ request: URLRequest) async -> Ending {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        configuration.timeoutIntervalForRequest = options.requestTimeout
        // Our own deadline (below) ends the fetch; the session's is a backstop that must not fire first.
        configuration.timeoutIntervalForResource = options.resourceTimeout + 5
        configuration.httpCookieStorage = nil
        let session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let task = session.dataTask(with: request)
        lock.withLock { self.task = task }
        let deadline = DispatchWorkItem { [weak self] in self?.stop(deadline: true) }
        DispatchQueue.global().asyncAfter(deadline: .now() + options.resourceTimeout, execute: deadline)
        defer { deadline.cancel() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                lock.withLock { self.continuation = continuation }
                task.resume()
            }
        } onCancel: {
            task.cancel()
        }
    }

    private func stop(deadline: Bool = false, size: Bool = false) {
        let task: URLSessionDataTask? = lock.withLock {
            if deadline { stoppedForDeadline = true }
            if size { stoppedForSize = true }
            return self.task
        }
        task?.cancel()
    }

    // MARK: URLSessionDataDelegate

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        // A declared length past the cap needs no download to be refused.
        if response.expectedContentLength > Int64(options.maxBytes) {
            lock.withLock { stoppedForSize = true }
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over: Bool = lock.withLock {
            guard !stoppedForSize else { return false }
            if body.count + data.count > options.maxBytes {
                stoppedForSize = true
                body.removeAll()
                return true
            }
            body.append(data)
            return false
        }
        if over { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        let follow: Bool = lock.withLock {
            redirects += 1
            if response.statusCode != 301 && response.statusCode != 308 { allRedirectsPermanent = false }
            if redirects > options.maxRedirects {
                stoppedForRedirects = true
                return false
            }
            return true
        }
        completionHandler(follow ? request : nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        let urlError = error as? URLError
        let continuation: CheckedContinuation<Ending, Never>? = lock.withLock {
            let pending = self.continuation
            self.continuation = nil
            return pending
        }
        let ending: Ending = lock.withLock {
            Ending(body: body, response: task.response as? HTTPURLResponse,
                   error: error == nil ? nil : (urlError?.code ?? .unknown),
                   errorMessage: error.map { Self.oneLine($0) }, stoppedForSize: stoppedForSize,
                   stoppedForDeadline: stoppedForDeadline, stoppedForRedirects: stoppedForRedirects,
                   allRedirectsPermanent: redirects > 0 && allRedirectsPermanent)
        }
        continuation?.resume(returning: ending)
    }

    /// A system error as one line of text.
    private static func oneLine(_ error: Error) -> String {
        let text = (error as NSError).localizedDescription
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
