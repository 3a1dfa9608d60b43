import BriefHTTP
import BriefModel
import Foundation

/// Feed autodiscovery: one fetch tells a feed from a web page, and a page's feed links are found in it.
extension FeedFetcher {
    /// Fetches `url` once, within the same limits as a feed: a body that reads as a feed is `.feed`; an HTML page
    /// is `.page` with the feeds it links to; anything else, or a failed fetch, is `.failed` with the reason.
    public func probe(_ url: URL) async -> FeedProbe {
        let request = FeedRequest(url: url)
        switch await transfer(request) {
        case .finished(.failed(let error)):
            return .failed(error)
        case .finished:
            // A 304 to a request without validators: nothing to read.
            return .failed(FeedFetchError(url: url, reason: .network("empty answer (304 without a request for one)")))
        case .body(let response, let finalURL, let validators, let movedPermanently):
            let body = response.body
            do {
                let document = try FeedParser.parse(body, url: finalURL, charset: response.charset)
                return .feed(FetchedFeed(document: document, validators: validators, finalURL: finalURL,
                                         movedPermanently: movedPermanently, byteCount: body.count))
            } catch {
                guard Self.isPage(body, mimeType: response.mediaType) else {
                    // An image or an archive is named by its type, not described as text.
                    if case .notAFeed = error, let mime = response.mediaType, !Self.mayBeText(mime) {
                        return .failed(FeedFetchError(url: url, reason: .unreadable(.notAFeed(found: "content of type \(mime)"))))
                    }
                    return .failed(FeedFetchError(url: url, reason: .unreadable(error)))
                }
                return .page(finalURL, feeds: FeedLinkFinder.links(in: [UInt8](body), pageURL: finalURL))
            }
        }
    }

    /// True for an HTML page: served as HTML, or starting like one.
    static func isPage(_ body: Data, mimeType: String?) -> Bool {
        if let mime = mimeType?.lowercased(), mime == "text/html" || mime == "application/xhtml+xml" { return true }
        let head = String(decoding: body.prefix(1024), as: UTF8.self).lowercased()
        return head.contains("<!doctype html") || head.contains("<html")
    }

    /// True for a MIME type a feed may be served as (text, XML or JSON of any kind).
    static func mayBeText(_ mime: String) -> Bool {
        mime.hasPrefix("text/") || mime.contains("xml") || mime.contains("json") || mime == "application/octet-stream"
    }
}
