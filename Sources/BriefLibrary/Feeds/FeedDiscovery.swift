import BriefFeeds
import BriefModel
import Foundation

/// Feed autodiscovery for `brief feed add`: an address is fetched once; a feed is subscribed to as it is, and a web
/// page is read for the feeds its `<link rel="alternate">` elements offer.
///
///     switch await FeedDiscovery().find("https://ministry.example/news.html") {
///     case .found(let feed, _): try store.addFeed(url: feed)   // the one feed the page links to
///     case .several(let feeds, _): …                           // the user chooses
///     …
///     }
public struct FeedDiscovery: Sendable {
    public let fetcher: FeedFetcher

    public init(fetcher: FeedFetcher = FeedFetcher()) {
        self.fetcher = fetcher
    }

    /// What `address` (an absolute http or https address) is. Never throws: an address that cannot be subscribed
    /// to is `.refused` with its reason; one that cannot be reached now is `.unchecked`.
    public func find(_ address: String) async -> FeedDiscoveryResult {
        guard let url = URL(string: address) else { return .refused("\(address): not an address") }
        switch await fetcher.probe(url) {
        case .feed:
            return .feed(address)
        case .page(let page, let feeds):
            let pageAddress = page.absoluteString
            switch feeds.count {
            case 0:
                return .refused("\(address): a web page that links to no feed (no <link rel=\"alternate\"> "
                                + "of an RSS, Atom or JSON feed)")
            case 1: return .found(feeds[0].url, page: pageAddress)
            default: return .several(feeds, page: pageAddress)
            }
        case .failed(let error):
            switch error.reason {
            case .hostNotFound, .connectionRefused, .timedOut, .network, .cancelled:
                return .unchecked(address, reason: error.reason.description)
            case .http(let status) where status >= 500:
                return .unchecked(address, reason: error.reason.description)
            case .http, .tooLarge, .tooManyRedirects, .unreadable, .unsupportedURL:
                return .refused("\(address): \(error.reason)")
            }
        }
    }
}
