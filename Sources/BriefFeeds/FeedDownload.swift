import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization

/// One HTTP transfer driven by URLSession's delegate callbacks, which is the only way on Linux to see the body as it
/// arrives (there is no `URLSession.bytes`): it counts bytes against the cap and cancels past it, counts redirects,
/// and enforces the whole-fetch deadline with its own timer.
final class FeedDownload: NSObject, URLSessionDataDelegate, Sendable {
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

    /// What the transfer has seen so far.
    private struct Progress {
        var body = Data()
        var redirects = 0
        var allRedirectsPermanent = true
        var stoppedForSize = false
        var stoppedForDeadline = false
        var stoppedForRedirects = false
        var continuation: CheckedContinuation<Ending, Never>?
        var task: URLSessionDataTask?
    }

    private let options: FeedFetchOptions
    // Callbacks arrive on the session's serial delegate queue; the timer and cancellation come from elsewhere.
    private let progress = Mutex(Progress())

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
        progress.withLock { $0.task = task }
        let deadline = DispatchWorkItem { [weak self] in self?.stop(deadline: true) }
        DispatchQueue.global().asyncAfter(deadline: .now() + options.resourceTimeout, execute: deadline)
        defer { deadline.cancel() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                progress.withLock { $0.continuation = continuation }
                task.resume()
            }
        } onCancel: {
            task.cancel()
        }
    }

    private func stop(deadline: Bool = false, size: Bool = false) {
        let task: URLSessionDataTask? = progress.withLock {
            if deadline { $0.stoppedForDeadline = true }
            if size { $0.stoppedForSize = true }
            return $0.task
        }
        task?.cancel()
    }

    // MARK: URLSessionDataDelegate

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        // A declared length past the cap needs no download to be refused.
        if response.expectedContentLength > Int64(options.maxBytes) {
            progress.withLock { $0.stoppedForSize = true }
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over: Bool = progress.withLock {
            guard !$0.stoppedForSize else { return false }
            if $0.body.count + data.count > options.maxBytes {
                $0.stoppedForSize = true
                $0.body.removeAll()
                return true
            }
            $0.body.append(data)
            return false
        }
        if over { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        let follow: Bool = progress.withLock {
            $0.redirects += 1
            if response.statusCode != 301 && response.statusCode != 308 { $0.allRedirectsPermanent = false }
            if $0.redirects > options.maxRedirects {
                $0.stoppedForRedirects = true
                return false
            }
            return true
        }
        completionHandler(follow ? request : nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        let urlError = error as? URLError
        let response = task.response as? HTTPURLResponse
        let code: URLError.Code? = error == nil ? nil : (urlError?.code ?? .unknown)
        let message = error.map { Self.oneLine($0) }
        let (continuation, ending) = progress.withLock { state in
            let pending = state.continuation
            state.continuation = nil
            return (pending, Ending(body: state.body, response: response, error: code, errorMessage: message,
                                    stoppedForSize: state.stoppedForSize, stoppedForDeadline: state.stoppedForDeadline,
                                    stoppedForRedirects: state.stoppedForRedirects,
                                    allRedirectsPermanent: state.redirects > 0 && state.allRedirectsPermanent))
        }
        continuation?.resume(returning: ending)
    }

    /// A system error as one line of text.
    private static func oneLine(_ error: Error) -> String {
        let text = (error as NSError).localizedDescription
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
