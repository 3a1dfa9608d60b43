import Foundation
import GRDB

/// The sync account, the queue of marks waiting for the server, and which story each server item is. The queue is
/// filled by triggers (CacheSchema "v10"): every mark, whatever makes it, is queued in its own transaction while an
/// account is set. The sync engine (BriefLibrary) pushes it, then applies the server's marks here without queueing
/// them again.
extension Store {
    // MARK: - Account

    public func syncAccount() throws -> StoredAccount? {
        try writer.read { db in try Self.account(db) }
    }

    /// Sets the one account. A different server or user than before starts afresh: the old account's queue, item
    /// links and subscriptions record are dropped (its stories stay).
    public func setSyncAccount(kind: String, url: String, user: String) throws {
        let now = Date()
        try requireWritable()
        try writer.write { db in
            if let old = try Self.account(db), old.kind == kind, old.url == url, old.user == user { return }
            try Self.clearSyncState(db)
            try db.execute(sql: "INSERT INTO sync_account (id, kind, url, user, added_at) VALUES (1, ?, ?, ?, ?)",
                           arguments: [kind, url, user, now])
        }
    }

    /// Removes the account with its queue and links; returns false when there was none. Stories stay, marks and all.
    @discardableResult
    public func removeSyncAccount() throws -> Bool {
        try requireWritable()
        return try writer.write { db in
            let had = try Self.account(db) != nil
            try Self.clearSyncState(db)
            return had
        }
    }

    /// Records how a sync ended: `error` nil for success.
    public func recordSync(error: String?, at date: Date = Date()) throws {
        try requireWritable()
        try writer.write { db in
            try db.execute(sql: "UPDATE sync_account SET last_sync = ?, last_error = ?", arguments: [date, error])
        }
    }

    private static func account(_ db: Database) throws -> StoredAccount? {
        try Row.fetchOne(db, sql: "SELECT * FROM sync_account WHERE id = 1").map { row in
            StoredAccount(kind: row["kind"], url: row["url"], user: row["user"], addedAt: row["added_at"],
                          lastItemID: row["last_item_id"], lastSync: row["last_sync"], lastError: row["last_error"])
        }
    }

    private static func clearSyncState(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM sync_queue; DELETE FROM sync_items; DELETE FROM sync_feeds; DELETE FROM sync_account;
            """)
    }

    // MARK: - Queue

    /// Every queued mark, oldest first, with the server's id for the story when the server has delivered it.
    public func queuedMarks() throws -> [QueuedMark] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT q.*, (SELECT MIN(i.server_id) FROM sync_items i WHERE i.story_id = q.story_id) AS server_id
                FROM sync_queue q ORDER BY q.queued_at, q.story_id
                """).compactMap { row in
                guard let field = MarkField(rawValue: row["field"]) else { return nil }
                return QueuedMark(storyID: row["story_id"], field: field, value: row["value"], revision: row["revision"],
                                  queuedAt: row["queued_at"], attempts: row["attempts"], serverID: row["server_id"])
            }
        }
    }

    public func queuedMarkCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sync_queue") ?? 0 }
    }

    /// Queues marks explicitly (the first sync of a story Brief already had read or starred before the account).
    public func queueMarks(_ marks: [(storyID: Int64, field: MarkField, value: Bool)]) throws {
        let now = Date()
        try requireWritable()
        try writer.write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO sync_queue (story_id, field, value, queued_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (story_id, field) DO UPDATE SET value = excluded.value, revision = revision + 1,
                    queued_at = excluded.queued_at, attempts = 0, last_error = NULL
                """)
            for mark in marks { try statement.execute(arguments: [mark.storyID, mark.field.rawValue, mark.value, now]) }
        }
    }

    /// Counts a failed push against each mark still as it was pushed (a newer mark of the story stays as it is).
    public func recordPushFailure(_ marks: [QueuedMark], error: String) throws {
        try requireWritable()
        try writer.write { db in
            let statement = try db.cachedStatement(sql: """
                UPDATE sync_queue SET attempts = attempts + 1, last_error = ?
                WHERE story_id = ? AND field = ? AND revision = ?
                """)
            for mark in marks {
                try statement.execute(arguments: [error, mark.storyID, mark.field.rawValue, mark.revision])
            }
        }
    }

    /// Removes marks that are done with (confirmed by the server, or expired), each only while still as given.
    public func dropQueuedMarks(_ marks: [QueuedMark]) throws {
        try requireWritable()
        try writer.write { db in
            let statement = try db.cachedStatement(sql: """
                DELETE FROM sync_queue WHERE story_id = ? AND field = ? AND revision = ?
                """)
            for mark in marks { try statement.execute(arguments: [mark.storyID, mark.field.rawValue, mark.revision]) }
        }
    }

    // MARK: - Server items

    /// Server item id → story, for every item linked so far.
    public func serverItems() throws -> [Int: Int64] {
        try writer.read { db in
            var items: [Int: Int64] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT server_id, story_id FROM sync_items")
            while let row = try rows.next() { items[row[0]] = row[1] }
            return items
        }
    }

    /// How many linked stories are unread here, by the server feed their item came from (0 when unknown).
    public func unreadLinkedCountsByServerFeed() throws -> [Int: Int] {
        try writer.read { db in
            var counts: [Int: Int] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT COALESCE(i.feed_id, 0), COUNT(*) FROM sync_items i JOIN stories s ON s.id = i.story_id
                WHERE s.read_at IS NULL GROUP BY 1
                """)
            while let row = try rows.next() { counts[row[0]] = row[1] }
            return counts
        }
    }

    /// Forgets the links of server items the server no longer has (purged): their stories stay, as Brief's own, and
    /// no longer count among the server's items.
    public func unlinkServerItems(_ serverIDs: [Int]) throws {
        guard !serverIDs.isEmpty else { return }
        try requireWritable()
        try writer.write { db in
            let statement = try db.cachedStatement(sql: "DELETE FROM sync_items WHERE server_id = ?")
            for id in serverIDs { try statement.execute(arguments: [id]) }
        }
    }

    /// The feed items of stories no server item is linked to yet: what a server's new items are matched against.
    public func unlinkedItemKeys() throws -> [LocalItemKey] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT feed_key, guid, link, story_id FROM feed_items f
                WHERE NOT EXISTS (SELECT 1 FROM sync_items i WHERE i.story_id = f.story_id)
                """).map { LocalItemKey(feedKey: $0[0], guid: $0[1], link: $0[2], storyID: $0[3]) }
        }
    }

    /// Title and publication day (UTC, `YYYY-MM-DD`) → story, for stories no server item is linked to yet: the
    /// last way a server's item is matched with a story Brief fetched itself.
    public func unlinkedStoriesByTitleAndDay() throws -> [String: Int64] {
        try writer.read { db in
            var stories: [String: Int64] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT s.title, date(s.published), s.id FROM stories s
                WHERE s.published IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sync_items i WHERE i.story_id = s.id)
                """)
            while let row = try rows.next() {
                let title: String = row[0]
                let day: String = row[1]
                stories[Self.titleDayKey(title: title, day: day)] = row[2]
            }
            return stories
        }
    }

    /// The key `unlinkedStoriesByTitleAndDay` files a story under.
    public static func titleDayKey(title: String, day: String) -> String { day + "\u{1F}" + title }

    /// Links server items to stories Brief already had, and moves `lastItemID` on (never back).
    public func linkServerItems(_ links: [(serverID: Int, storyID: Int64, feedID: Int?)], lastItemID: Int) throws {
        try requireWritable()
        try writer.write { db in
            try Self.link(db, links)
            try db.execute(sql: "UPDATE sync_account SET last_item_id = MAX(last_item_id, ?)", arguments: [lastItemID])
        }
    }

    /// Stores a server's new items and links each to its server id, in one transaction with moving `lastItemID` on,
    /// so an interrupted sync either stored a batch whole or fetches it again. Items already stored (by id in their
    /// feed, guid, link or fingerprint) are linked, not stored twice. Returns each server id's outcome.
    public func storeServerItems(_ feeds: [SyncedFeedItems], lastItemID: Int) throws -> [(serverID: Int, outcome: ImportOutcome)] {
        let now = Date()
        try requireWritable()
        return try writer.write { db in
            var stories = try StoryWriter(db: db)
            var results: [(serverID: Int, outcome: ImportOutcome)] = []
            for feed in feeds {
                let outcomes = try Self.importFeedItems(db, feedURL: feed.feedURL, items: feed.items.map(\.item),
                                                        stories: &stories, now: now)
                let linked = zip(feed.items, outcomes).map { (serverID: $0.serverID, storyID: $1.id, feedID: Optional(feed.serverFeedID)) }
                try Self.link(db, linked)
                results += zip(feed.items, outcomes).map { (serverID: $0.serverID, outcome: $1) }
            }
            try stories.finish()
            try db.execute(sql: "UPDATE sync_account SET last_item_id = MAX(last_item_id, ?)", arguments: [lastItemID])
            return results
        }
    }

    private static func link(_ db: Database, _ links: [(serverID: Int, storyID: Int64, feedID: Int?)]) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO sync_items (server_id, story_id, feed_id) VALUES (?, ?, ?)
            ON CONFLICT (server_id) DO UPDATE SET story_id = excluded.story_id, feed_id = excluded.feed_id
            """)
        for link in links { try statement.execute(arguments: [link.serverID, link.storyID, link.feedID]) }
    }

    /// Each linked server item's local state of `field` (true: read / starred).
    public func localMarks(_ field: MarkField) throws -> [Int: Bool] {
        try writer.read { db in
            var marks: [Int: Bool] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT i.server_id, s.\(Self.column(field)) IS NOT NULL FROM sync_items i JOIN stories s ON s.id = i.story_id
                """)
            while let row = try rows.next() { marks[row[0]] = row[1] }
            return marks
        }
    }

    /// Applies the server's state of `field` (server id → read / starred) to the linked stories, without queueing
    /// anything: a story with a queued mark of that field keeps its local state, and the mark is dropped when the
    /// server now agrees with it (the push is confirmed by reading it back). Returns the stories changed.
    @discardableResult
    public func applyServerMarks(_ states: [Int: Bool], field: MarkField) throws -> Int {
        let now = Date()
        let column = Self.column(field)
        try requireWritable()
        return try writer.write { db in
            try db.execute(sql: "UPDATE sync_account SET applying = 1")
            let story = try db.cachedStatement(sql: "SELECT story_id FROM sync_items WHERE server_id = ?")
            let queued = try db.cachedStatement(sql: "SELECT value FROM sync_queue WHERE story_id = ? AND field = ?")
            let confirm = try db.cachedStatement(sql: "DELETE FROM sync_queue WHERE story_id = ? AND field = ?")
            let set = try db.cachedStatement(sql: "UPDATE stories SET \(column) = ? WHERE id = ? AND \(column) IS NULL")
            let clear = try db.cachedStatement(sql: "UPDATE stories SET \(column) = NULL WHERE id = ? AND \(column) IS NOT NULL")
            var changed = 0
            for (serverID, on) in states {
                guard let storyID = try Int64.fetchOne(story, arguments: [serverID]) else { continue }
                if let pending = try Bool.fetchOne(queued, arguments: [storyID, field.rawValue]) {
                    if pending == on { try confirm.execute(arguments: [storyID, field.rawValue]) }
                    continue
                }
                if on { try set.execute(arguments: [now, storyID]) } else { try clear.execute(arguments: [storyID]) }
                changed += db.changesCount
            }
            try db.execute(sql: "UPDATE sync_account SET applying = 0")
            return changed
        }
    }

    private static func column(_ field: MarkField) -> String {
        switch field {
        case .read: "read_at"
        case .star: "starred_at"
        }
    }

    // MARK: - Subscriptions

    /// The server's subscriptions (server feed id → address) as of the last sync.
    public func serverFeeds() throws -> [Int: String] {
        try writer.read { db in
            Dictionary(try Row.fetchAll(db, sql: "SELECT server_id, url FROM sync_feeds").map { ($0[0], $0[1]) },
                       uniquingKeysWith: { first, _ in first })
        }
    }

    public func setServerFeeds(_ feeds: [Int: String]) throws {
        try requireWritable()
        try writer.write { db in
            try db.execute(sql: "DELETE FROM sync_feeds")
            let statement = try db.cachedStatement(sql: "INSERT INTO sync_feeds (server_id, url) VALUES (?, ?)")
            for (id, url) in feeds { try statement.execute(arguments: [id, url]) }
        }
    }
}
