import BriefHTTP
import Foundation

/// A feed download through libcurl (`CurlTransfer`), within the fetch's limits: the answer, or why there is none.
enum CurlDownload {
    /// A complete answer of any status.
    struct Answer: Sendable {
        var response: CurlResponse
        /// The address the answer came from, after redirects.
        var finalURL: URL
        /// Whether the request was redirected, and only ever permanently (301, 308).
        var allRedirectsPermanent: Bool
    }

    /// Runs the transfer of `url` with the request header lines `headers` to its end.
    static func run(_ url: URL, headers: [String], options: FeedFetchOptions) async -> Result<Answer, Failure> {
        let exchange = CurlRequest(url: url.absoluteString, headers: headers, maxBytes: options.maxBytes,
                                   idleTimeout: options.requestTimeout, totalTimeout: options.resourceTimeout,
                                   maxRedirects: options.maxRedirects)
        guard let response = await CurlTransfer.run(exchange) else { return .failure(Failure(.network(CurlTransfer.unavailable))) }
        switch response.ending {
        case .complete:
            guard response.status > 0, let finalURL = URL(string: response.finalURL ?? url.absoluteString) else {
                return .failure(Failure(.network("no response")))
            }
            let redirects = response.statuses.dropLast().filter { (300..<400).contains($0) }
            return .success(Answer(response: response, finalURL: finalURL,
                                   allRedirectsPermanent: !redirects.isEmpty && redirects.allSatisfy { $0 == 301 || $0 == 308 }))
        case .tooLarge: return .failure(Failure(.tooLarge(limit: options.maxBytes)))
        case .cancelled: return .failure(Failure(.cancelled))
        case .tooManyRedirects: return .failure(Failure(.tooManyRedirects(limit: options.maxRedirects)))
        case .deadline: return .failure(Failure(.timedOut(seconds: options.resourceTimeout)))
        case .stalled: return .failure(Failure(.timedOut(seconds: options.requestTimeout)))
        case .hostNotFound: return .failure(Failure(.hostNotFound))
        case .refused: return .failure(Failure(.connectionRefused))
        case .unsupportedAddress: return .failure(Failure(.unsupportedURL))
        case .cannotConnect, .tls, .connectionLost, .notHTTP, .failed:
            return .failure(Failure(.network(response.message ?? "network error")))
        }
    }

    /// Why a download has no answer.
    struct Failure: Error {
        let reason: FeedFetchFailure
        init(_ reason: FeedFetchFailure) { self.reason = reason }
    }
}
