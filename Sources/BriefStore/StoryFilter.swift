/// Which stories a list shows: all of them, or only unread, starred, one feed's or one folder's (the filters
/// combine).
public struct StoryFilter: Hashable, Sendable {
    public var unreadOnly: Bool
    public var starredOnly: Bool
    /// Only stories this feed (its address, or a feed file's `file:` URL) delivered.
    public var feed: String?
    /// Only stories delivered by the feeds in this folder (a feed's tag: an OPML outline or `--folder`).
    public var folder: String?

    public init(unreadOnly: Bool = false, starredOnly: Bool = false, feed: String? = nil, folder: String? = nil) {
        self.unreadOnly = unreadOnly
        self.starredOnly = starredOnly
        self.feed = feed
        self.folder = folder
    }

    /// Every story.
    public static let all = StoryFilter()

    /// The SQL condition over `stories s` (empty for every story) and its arguments, in order.
    var condition: (sql: String, arguments: [String]) {
        var clauses: [String] = [], arguments: [String] = []
        if unreadOnly { clauses.append("s.read_at IS NULL") }
        if starredOnly { clauses.append("s.starred_at IS NOT NULL") }
        if let feed {
            clauses.append("s.id IN (SELECT story_id FROM feed_items WHERE feed_key = ?)")
            arguments.append(feed)
        }
        if let folder {
            clauses.append("""
                s.id IN (SELECT i.story_id FROM feed_items i WHERE i.feed_key IN
                         (SELECT f.url FROM feeds f, json_each(f.tags) t WHERE t.value = ?))
                """)
            arguments.append(folder)
        }
        return (clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "), arguments)
    }
}
