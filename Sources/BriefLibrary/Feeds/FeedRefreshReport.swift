/// What one refresh of every feed did, for the summary line and the exit status.
public struct FeedRefreshReport: Hashable, Sendable {
    /// Feeds attempted.
    public var feeds: Int
    /// One line per feed that failed, naming it and the reason (`https://x/feed.xml: http 404`).
    public var failed: [String]
    /// Stories stored by this refresh (items already in the cache, from this feed or another, are not counted).
    public var newStories: Int
    /// Feeds the server said were unchanged (304).
    public var notModified: Int
    /// What a reader should know about how fetched feeds were read, one per note and feed, each naming the feed
    /// (`https://x/feed.xml: no items`, `…: read as windows-1252 (guessed)`, `…: recovered 3 items from a
    /// malformed feed (…)`), in subscription order.
    public var notes: [String]
    /// Stories pruned after the refresh by `keep_days` (`FeedRefresher.keepDays`), which is then `keepDays`.
    public var pruned: Int
    public var keepDays: Int?

    public init(feeds: Int = 0, failed: [String] = [], newStories: Int = 0, notModified: Int = 0, notes: [String] = [],
                pruned: Int = 0, keepDays: Int? = nil) {
        self.feeds = feeds
        self.failed = failed
        self.newStories = newStories
        self.notModified = notModified
        self.notes = notes
        self.pruned = pruned
        self.keepDays = keepDays
    }

    /// `fetched 20 feeds: 35 new stories, 3 unchanged, 1 failed`, then the notes:
    /// `fetched 1 feed: 0 new stories, 0 unchanged, 0 failed; https://x/feed.xml: no items`; when `keep_days`
    /// pruned something, that comes after the counts: `…, 0 failed, 12 old stories pruned (keep_days = 90)`.
    public var summary: String {
        var line = "fetched \(feeds) feed\(feeds == 1 ? "" : "s"): \(newStories) new stor\(newStories == 1 ? "y" : "ies"), "
            + "\(notModified) unchanged, \(failed.count) failed"
        if pruned > 0, let keepDays {
            line += ", \(pruned) old stor\(pruned == 1 ? "y" : "ies") pruned (keep_days = \(keepDays))"
        }
        return ([line] + notes).joined(separator: "; ")
    }
}
