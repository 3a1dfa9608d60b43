import BriefModel

/// What `FeedDiscovery.find` made of an address given to `brief feed add`.
public enum FeedDiscoveryResult: Hashable, Sendable {
    /// The address is a feed: subscribe to it as it is.
    case feed(String)
    /// The page at `page` offers exactly one feed, `url`: subscribe to that.
    case found(String, page: String)
    /// The page at `page` offers several feeds: the user chooses one.
    case several([FeedLink], page: String)
    /// The address could not be reached now (`reason`): it may be subscribed to as it is, and `brief fetch` tries
    /// it again.
    case unchecked(String, reason: String)
    /// Not something to subscribe to; `reason` is one line naming the address and the problem.
    case refused(String)
}
