import BriefLibrary
import BriefModel

extension FeedAddress {
    /// The feed to subscribe to for `address`: the address itself when it is a feed (or cannot be reached now, which
    /// is said on stderr), or the one feed the web page at it links to. A page with several feeds lists them on
    /// stdout (`URL<TAB>type<TAB>title`) and fails asking to choose; anything else fails with one line.
    static func discovered(_ address: String, command: String) async throws -> String {
        switch await FeedDiscovery().find(address) {
        case .feed(let feed):
            return feed
        case .found(let feed, let page):
            Console.error("found the feed \(feed) on \(page)")
            return feed
        case .unchecked(let feed, let reason):
            Console.error("not checked now (\(reason)): 'brief fetch' will try \(feed)")
            return feed
        case .several(let feeds, let page):
            for feed in feeds {
                Console.output([feed.url, feed.type, feed.title ?? ""].map { TerminalText.sanitize($0) }.joined(separator: "\t"))
            }
            throw CommandFailure(message: "\(command): \(page) offers \(feeds.count) feeds (listed on stdout); "
                                 + "choose one: brief \(command) FEED-URL")
        case .refused(let reason):
            throw CommandFailure(message: "\(command): \(ErrorText.oneLine(reason))")
        }
    }
}
