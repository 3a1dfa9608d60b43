import BriefHTTP
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A feed download through the shared libcurl client (`CurlTransfer`; see BriefHTTP's `LibCurl` for why not
/// URLSession on Linux): the same limits and the same `FeedDownload.Ending` as `FeedDownload`.
enum CurlDownload {
    /// Runs the transfer of `request` to its end; nil when libcurl cannot be loaded (use `FeedDownload`).
    static func run(_ request: URLRequest, options: FeedFetchOptions) async -> FeedDownload.Ending? {
        let url = request.url?.absoluteString ?? ""
        let headers = (request.allHTTPHeaderFields ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        let exchange = CurlRequest(url: url, headers: headers, maxBytes: options.maxBytes, idleTimeout: options.requestTimeout,
                                   totalTimeout: options.resourceTimeout, maxRedirects: options.maxRedirects)
        guard let response = await CurlTransfer.run(exchange) else { return nil }
        var ending = FeedDownload.Ending(body: response.body, response: nil, error: nil, errorMessage: nil, stoppedForSize: false,
                                         stoppedForDeadline: false, stoppedForRedirects: false,
                                         allRedirectsPermanent: false)
        let redirects = response.statuses.dropLast().filter { (300..<400).contains($0) }
        ending.allRedirectsPermanent = !redirects.isEmpty && redirects.allSatisfy { $0 == 301 || $0 == 308 }
        switch response.ending {
        case .complete:
            if let finalURL = URL(string: response.finalURL ?? url), response.status > 0 {
                ending.response = HTTPURLResponse(url: finalURL, statusCode: response.status, httpVersion: "HTTP/1.1",
                                                  headerFields: response.headers)
            }
        case .tooLarge: ending.stoppedForSize = true
        case .cancelled: ending.error = .cancelled
        case .tooManyRedirects: ending.stoppedForRedirects = true
        case .deadline: ending.stoppedForDeadline = true
        case .stalled: ending.error = .timedOut
        case .hostNotFound: ending.error = .cannotFindHost
        case .refused: ending.error = .cannotConnectToHost
        case .unsupportedAddress: ending.error = .unsupportedURL
        case .cannotConnect, .tls, .connectionLost, .notHTTP, .failed:
            ending.error = .unknown
            ending.errorMessage = response.message
        }
        return ending
    }
}
