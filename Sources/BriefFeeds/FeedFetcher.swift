import BriefHTTP
import BriefModel
import Foundation

/// Fetches feeds over HTTP and parses them: conditional GET, bounded redirects, timeouts, a size cap, gzip.
/// Every failure is a value naming the feed and the reason; one feed failing never stops the others.
///
///     let result = await FeedFetcher().fetch(FeedRequest(url: url))
///     if let error = result.error { print(error) }   // "https://x/feed: http 404"
public struct FeedFetcher: Sendable {
    public var options: FeedFetchOptions

    public init(options: FeedFetchOptions = FeedFetchOptions()) {
        self.options = options
    }

    /// Fetches and parses one feed. Never throws: failures are `.failed` outcomes.
    public func fetch(_ request: FeedRequest) async -> FeedFetchResult {
        read(await download(request))
    }

    /// The first half of `fetch`: the transfer, its body not parsed yet. A caller that parses feeds in turns
    /// (`FeedRefresher`) holds a few bodies rather than a few parsed feeds, which are several times their size.
    public func download(_ request: FeedRequest) async -> FeedDownloaded {
        FeedDownloaded(request: request, transfer: await transfer(request))
    }

    /// The second half of `fetch`: the downloaded body parsed, or the outcome the transfer already had.
    public func read(_ downloaded: FeedDownloaded) -> FeedFetchResult {
        FeedFetchResult(request: downloaded.request, outcome: outcome(of: downloaded.request, downloaded.transfer))
    }

    // MARK: One feed

    private func outcome(of request: FeedRequest, _ transfer: Transfer) -> FeedFetchOutcome {
        switch transfer {
        case .finished(let outcome):
            return outcome
        case .body(let response, let finalURL, let validators, let movedPermanently):
            let body = response.body
            do {
                // The charset the server named outranks the XML declaration, as in browsers.
                let document = try FeedParser.parse(body, url: finalURL, charset: response.charset)
                return .fetched(FetchedFeed(document: document, validators: validators, finalURL: finalURL,
                                            movedPermanently: movedPermanently, byteCount: body.count))
            } catch {
                return .failed(FeedFetchError(url: request.url, reason: .unreadable(error)))
            }
        }
    }

    /// How one transfer ended: a 2xx body to read, or an outcome already (304, or a failure).
    enum Transfer: Sendable {
        case body(CurlResponse, finalURL: URL, FeedValidators, movedPermanently: Bool)
        case finished(FeedFetchOutcome)
    }

    /// Downloads `request` within the limits, turning every way it can go wrong into a failed outcome.
    func transfer(_ request: FeedRequest) async -> Transfer {
        let url = request.url
        func failure(_ reason: FeedFetchFailure) -> Transfer {
            .finished(.failed(FeedFetchError(url: url, reason: reason)))
        }
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
            return failure(.unsupportedURL)
        }
        if Task.isCancelled { return failure(.cancelled) }
        // libcurl's easy interface: URLSession's busy-waits on a silent server (see BriefHTTP's LibCurl).
        let answer: CurlDownload.Answer
        switch await CurlDownload.run(url, headers: headers(for: request), options: options) {
        case .success(let complete): answer = complete
        case .failure(let failed): return failure(failed.reason)
        }
        let response = answer.response
        let validators = FeedValidators(etag: response.header("ETag"), lastModified: response.header("Last-Modified"))
        switch response.status {
        case 304:
            return .finished(.notModified(FeedValidators(etag: validators.etag ?? request.validators.etag,
                                                         lastModified: validators.lastModified
                                                             ?? request.validators.lastModified)))
        case 200..<300:
            return .body(response, finalURL: answer.finalURL, validators,
                         movedPermanently: answer.allRedirectsPermanent && answer.finalURL != url)
        default:
            return failure(.http(status: response.status))
        }
    }

    /// The request's header lines: who asks, what it accepts, and the validators of a conditional GET.
    private func headers(for request: FeedRequest) -> [String] {
        var headers = [
            "Accept: application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, "
                + "text/xml;q=0.9, application/json;q=0.8, */*;q=0.5",
            "User-Agent: \(options.userAgent)",
        ]
        if let etag = request.validators.etag { headers.append("If-None-Match: \(etag)") }
        if let date = request.validators.lastModified { headers.append("If-Modified-Since: \(date)") }
        return headers
    }
}
