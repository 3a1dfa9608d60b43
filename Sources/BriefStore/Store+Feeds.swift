import Foundation
import GRDB

/// Feed subscriptions and the stories their items became.
extension Store {
    /// Subscribes to the feed at `url`. Returns false when it was already subscribed; then a given `title`
    /// replaces its title (with `keepingTitle`, only when it has none: an OPML file read again must not undo a
    /// rename) and `tags` are added to its tags.
    @discardableResult
    public func addFeed(url: String, title: String? = nil, tags: [String] = [], keepingTitle: Bool = false) throws -> Bool {
        let now = Date()
        try requireWritable()
        return try writer.write { db in
            if let row = try Row.fetchOne(db, sql: "SELECT title, tags FROM feeds WHERE url = ?", arguments: [url]) {
                var merged = Self.decodeTags(row["tags"])
                for tag in tags where !merged.contains(tag) { merged.append(tag) }
                try db.execute(sql: "UPDATE feeds SET title = ?, tags = ? WHERE url = ?",
                               arguments: [keepingTitle ? (row["title"] ?? title) : (title ?? row["title"]),
                                           Self.encodeTags(merged), url])
                return false
            }
            try db.execute(sql: "INSERT INTO feeds (url, title, tags, added_at) VALUES (?, ?, ?, ?)",
                           arguments: [url, title, Self.encodeTags(tags), now])
            return true
        }
    }

    /// Unsubscribes from the feed at `url`. Its stories stay in the cache, read state and all.
    /// Throws `StoreError.noSuchFeed` when there is no such subscription.
    public func removeFeed(url: String) throws {
        try requireWritable()
        try writer.write { db in
            try db.execute(sql: "DELETE FROM feeds WHERE url = ?", arguments: [url])
            if db.changesCount == 0 { throw StoreError.noSuchFeed(url: url) }
            try db.execute(sql: "DELETE FROM feed_items WHERE feed_key = ?", arguments: [url])
            try db.execute(sql: "DELETE FROM pruned_items WHERE feed_key = ?", arguments: [url])
        }
    }

    /// Gives the feed at `url` the title `title`. Throws `StoreError.noSuchFeed` when there is no such
    /// subscription.
    public func renameFeed(url: String, title: String) throws {
        try requireWritable()
        try writer.write { db in
            try db.execute(sql: "UPDATE feeds SET title = ? WHERE url = ?", arguments: [title, url])
            if db.changesCount == 0 { throw StoreError.noSuchFeed(url: url) }
        }
    }

    /// Puts the feed at `url` in the folder `folder` alone (nil: in none). Folders are the feed's tags, so OPML
    /// export writes it there. Throws `StoreError.noSuchFeed` when there is no such subscription.
    public func moveFeed(url: String, toFolder folder: String?) throws {
        try requireWritable()
        try writer.write { db in
            try db.execute(sql: "UPDATE feeds SET tags = ? WHERE url = ?",
                           arguments: [Self.encodeTags(folder.map { [$0] } ?? []), url])
            if db.changesCount == 0 { throw StoreError.noSuchFeed(url: url) }
        }
    }

    /// Whether `key` names a subscription or a feed (file) that delivered stories.
    public func knowsFeed(_ key: String) throws -> Bool {
        try writer.read { db in
            try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM feeds WHERE url = ?) OR EXISTS (SELECT 1 FROM feed_items WHERE feed_key = ?)
                """, arguments: [key, key]) == true
        }
    }

    /// The folders feeds are in (their tags), by name.
    public func folders() throws -> [String] {
        try writer.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT t.value FROM feeds f, json_each(f.tags) t ORDER BY t.value")
        }
    }

    /// How many unread stories each feed (by its key: address or feed file URL) delivered; feeds with none are
    /// left out. Walks the unread stories only, each to its feed items through their index.
    public func unreadCountsByFeed() throws -> [String: Int] {
        try writer.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT i.feed_key, COUNT(*) FROM stories s INDEXED BY stories_unread_by_list_date
                JOIN feed_items i INDEXED BY feed_items_by_story ON i.story_id = s.id
                WHERE s.read_at IS NULL GROUP BY i.feed_key
                """)
            var counts: [String: Int] = [:]
            while let row = try rows.next() { counts[row[0]] = row[1] }
            return counts
        }
    }

    /// Every subscription, in the order they were added.
    public func feeds() throws -> [StoredFeed] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT f.*, (SELECT COUNT(*) FROM feed_items i WHERE i.feed_key = f.url) AS item_count
                FROM feeds f ORDER BY f.added_at, f.id
                """).map { row in
                StoredFeed(url: row["url"], title: row["title"], tags: Self.decodeTags(row["tags"]),
                           etag: row["etag"], lastModified: row["last_modified"], lastFetched: row["last_fetched"],
                           lastError: row["last_error"], addedAt: row["added_at"], items: row["item_count"])
            }
        }
    }

    /// Ids of the stories the feed at `url` (or a feed file's `file:` URL) delivered, newest first. A story
    /// delivered by several feeds is listed under each.
    public func storyIDs(inFeed url: String) throws -> [Int64] {
        try writer.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT s.id FROM feed_items i JOIN stories s ON s.id = i.story_id
                WHERE i.feed_key = ? ORDER BY s.list_date DESC, s.id DESC
                """, arguments: [url])
        }
    }

    /// The link and the feed's own id (`guid`: an RSS guid, Atom id or JSON Feed id that is not just the link) of
    /// the feed item that became story `id`; both nil for a story that came from no feed. A story several feeds
    /// delivered gives the first item with a link.
    public func feedItemIdentity(storyID id: Int64) throws -> (link: String?, guid: String?) {
        try writer.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT link, guid FROM feed_items WHERE story_id = ? ORDER BY link IS NULL, feed_key LIMIT 1
                """, arguments: [id])
            return (row?["link"], row?["guid"])
        }
    }

    /// Records a successful fetch of `url`: the validators to send next time, the fetch time, no error; the feed's
    /// own `title` fills in a title the user did not give; `movedTo` (a permanent redirect's target) becomes the
    /// feed's address unless another subscription already has that address.
    public func updateValidators(url: String, etag: String?, lastModified: String?, title: String? = nil,
                                 movedTo newURL: String? = nil, fetchedAt: Date = Date()) throws {
        try requireWritable()
        try writer.write { db in
            try db.execute(sql: """
                UPDATE feeds SET etag = ?, last_modified = ?, last_fetched = ?, last_error = NULL,
                                 title = COALESCE(title, ?)
                WHERE url = ?
                """, arguments: [etag, lastModified, fetchedAt, title.flatMap { $0.isEmpty ? nil : $0 }, url])
            if let newURL, newURL != url,
               try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM feeds WHERE url = ?)", arguments: [newURL]) == false {
                try db.execute(sql: "UPDATE feeds SET url = ? WHERE url = ?", arguments: [newURL, url])
                try db.execute(sql: "UPDATE OR IGNORE feed_items SET feed_key = ? WHERE feed_key = ?",
                               arguments: [newURL, url])
                try db.execute(sql: "UPDATE OR IGNORE pruned_items SET feed_key = ? WHERE feed_key = ?",
                               arguments: [newURL, url])
            }
        }
    }

    /// Records why fetching `url` failed. Its stories and validators are left as they were.
    public func recordFeedError(url: String, message: String) throws {
        try requireWritable()
        try writer.write { db in
            try db.execute(sql: "UPDATE feeds SET last_error = ? WHERE url = ?", arguments: [message, url])
        }
    }

    /// Stores a feed's items in one transaction, each as one story:
    /// - an item this feed already delivered (same item id) is `.existing` and changes nothing, unless its content
    ///   changed (an edited article): then the story is rewritten in place and re-tagged, keeping its id, read
    ///   mark and star, and is `.updated` (when the new content is another story's already, it stays `.existing`);
    /// - an item another feed delivered (same guid, same link, or same fingerprint) is linked to that story and is
    ///   `.existing`, so reading it in one feed reads it in both;
    /// - otherwise the story is stored (or, when its text is already cached, linked) — `.new` only if stored.
    ///
    /// An item whose story was pruned (`pruneStories`) while this feed carried it is left out: it is not stored
    /// again and has no outcome, so the outcomes line up with `items` only when nothing was pruned.
    /// - Parameters:
    ///   - feedURL: the feed's address, or a local feed file's `file:` URL.
    ///   - carried: the ids of every item the feed carries now, when `items` come from reading the whole feed
    ///     (a fetch, a feed file; not a sync's batch): the pruned items it no longer carries are forgotten, and
    ///     the others are remembered as seen now. An empty list (a feed read as empty) forgets nothing.
    ///   - deferringCheckpoint: leave the write-ahead log's checkpoint, when this commit makes one due, to a later
    ///     `checkpointIfDue()` (a fetch's writer, so that the next chunk is not held back while the log is synced).
    public func importFeedItems(feedURL: String, items: [FeedImportItem], carried: [String]? = nil,
                                deferringCheckpoint: Bool = false, now: Date = Date()) throws -> [ImportOutcome] {
        try requireWritable()
        return try bulkWrite(deferringCheckpoint: deferringCheckpoint) { db in
            let pruned = try Self.prunedItemIDs(db, feedKey: feedURL)
            if let carried, !carried.isEmpty, !pruned.isEmpty {
                let present = pruned.intersection(carried)
                let seen = try db.cachedStatement(sql: "UPDATE pruned_items SET seen_at = ? WHERE feed_key = ? AND item_id = ?")
                for id in present { try seen.execute(arguments: [now, feedURL, id]) }
                let gone = try db.cachedStatement(sql: "DELETE FROM pruned_items WHERE feed_key = ? AND item_id = ?")
                for id in pruned.subtracting(present) { try gone.execute(arguments: [feedURL, id]) }
            }
            var stories = try StoryWriter(db: db)
            let outcomes = try Self.importFeedItems(db, feedURL: feedURL,
                                                    items: pruned.isEmpty ? items : items.filter { !pruned.contains($0.itemID) },
                                                    stories: &stories, now: now)
            try stories.finish()
            return outcomes
        }
    }

    /// The ids of the items of the feed at `feedKey` whose stories were pruned while it carried them: a fetch
    /// leaves them out before the work of preparing them (`importFeedItems` leaves them out in any case).
    public func prunedItemIDs(feedKey: String) throws -> Set<String> {
        try writer.read { db in try Self.prunedItemIDs(db, feedKey: feedKey) }
    }

    private static func prunedItemIDs(_ db: Database, feedKey: String) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT item_id FROM pruned_items WHERE feed_key = ?", arguments: [feedKey]))
    }

    /// `importFeedItems` inside a write transaction of the caller's (a sync stores items and their server ids in
    /// one); the caller finishes `stories`.
    static func importFeedItems(_ db: Database, feedURL: String, items: [FeedImportItem], stories: inout StoryWriter,
                                now: Date) throws -> [ImportOutcome] {
        let own = try RowWrite(db, sql: "SELECT story_id FROM feed_items WHERE feed_key = ? AND item_id = ?")
        let byGUID = try RowWrite(db, sql: "SELECT story_id FROM feed_items WHERE guid = ? LIMIT 1")
        let byLink = try RowWrite(db, sql: "SELECT story_id FROM feed_items WHERE link = ? LIMIT 1")
        let byFingerprint = try RowWrite(db, sql: "SELECT story_id FROM feed_items WHERE fingerprint = ? LIMIT 1")
        let byHash = try RowWrite(db, sql: "SELECT id FROM stories WHERE content_hash = ?")
        let hashOf = try RowWrite(db, sql: "SELECT content_hash FROM stories WHERE id = ?")
        let relink = try RowWrite(db, sql: """
            UPDATE feed_items SET guid = ?, link = ?, fingerprint = ? WHERE feed_key = ? AND item_id = ?
            """)
        let link = try RowWrite(db, sql: """
            INSERT OR IGNORE INTO feed_items (feed_key, item_id, guid, link, fingerprint, story_id)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        var outcomes: [ImportOutcome] = []
        outcomes.reserveCapacity(items.count)
        for item in items {
            if let id = try own.int64({ try $0.bind(feedURL); try $0.bind(item.itemID) }) {
                let hash = item.story.contentHash
                guard try hashOf.text({ try $0.bind(id) }) != hash,
                      try byHash.int64({ try $0.bind(hash) }) == nil else {
                    outcomes.append(.existing(id))
                    continue
                }
                try stories.replace(storyID: id, with: item.story)
                try relink.run {
                    try $0.bind(item.guid); try $0.bind(item.link); try $0.bind(item.fingerprint)
                    try $0.bind(feedURL); try $0.bind(item.itemID)
                }
                outcomes.append(.updated(id))
                continue
            }
            var outcome: ImportOutcome
            if let guid = item.guid, let id = try byGUID.int64({ try $0.bind(guid) }) {
                outcome = .existing(id)
            } else if let url = item.link, let id = try byLink.int64({ try $0.bind(url) }) {
                outcome = .existing(id)
            } else if let id = try byFingerprint.int64({ try $0.bind(item.fingerprint) }) {
                outcome = .existing(id)
            } else {
                if let id = try byHash.int64({ try $0.bind(item.story.contentHash) }) {
                    outcome = .existing(id)
                } else {
                    outcome = .new(try stories.insert(item.story, importedAt: now))
                }
            }
            try link.run {
                try $0.bind(feedURL); try $0.bind(item.itemID); try $0.bind(item.guid); try $0.bind(item.link)
                try $0.bind(item.fingerprint); try $0.bind(outcome.id)
            }
            outcomes.append(outcome)
        }
        return outcomes
    }

    private static func decodeTags(_ json: String?) -> [String] {
        json.map { JSONStringArray.decode($0) } ?? []
    }

    private static func encodeTags(_ tags: [String]) -> String {
        JSONStringArray.encode(tags)
    }
}
