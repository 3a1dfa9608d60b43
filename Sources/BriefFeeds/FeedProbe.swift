import BriefModel
import Foundation

/// What an address given to `brief feed add` turned out to be.
public enum FeedProbe: Hashable, Sendable {
    /// A feed: the address can be subscribed to as it is.
    case feed(FetchedFeed)
    /// A web page, with the feeds its `<link rel="alternate">` elements offer (none, one or several).
    case page(URL, feeds: [FeedLink])
    /// Neither could be fetched or read.
    case failed(FeedFetchError)
}
