import Foundation
import GRDB

/// Retention: deleting old read stories, and giving the space back.
extension Store {
    /// How long a pruned feed item is remembered after a fetch last found it in its feed (`pruned_items`): a feed
    /// not fetched for that long (unsubscribed, or gone) no longer keeps its rows.
    public static let prunedItemMemory: TimeInterval = 180 * 86_400

    /// Deletes (or, with `dryRun`, only counts) the stories that are read, not starred, and dated before
    /// `cutoff` (published, else imported), with everything that hangs off them — sections, paragraphs, quotes,
    /// mentions, entity counts, feed item links — and their search rows. Returns how many. One transaction.
    ///
    /// The feed items the deleted stories came from are remembered (`pruned_items`), so a feed that still carries
    /// them does not bring them back at the next fetch; rows not seen by a fetch for `prunedItemMemory` go.
    public func pruneStories(before cutoff: Date, dryRun: Bool = false, now: Date = Date()) throws -> Int {
        try requireWritable()
        return try writer.write { db in
            let condition = "read_at IS NOT NULL AND starred_at IS NULL AND list_date < ?"
            guard !dryRun else {
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stories WHERE \(condition)", arguments: [cutoff]) ?? 0
            }
            try db.execute(sql: "DELETE FROM pruned_items WHERE seen_at < ?",
                           arguments: [now.addingTimeInterval(-Self.prunedItemMemory)])
            try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS pruned (id INTEGER PRIMARY KEY)")
            defer { try? db.execute(sql: "DROP TABLE IF EXISTS temp.pruned") }
            try db.execute(sql: "DELETE FROM temp.pruned")
            try db.execute(sql: "INSERT INTO temp.pruned SELECT id FROM stories WHERE \(condition)", arguments: [cutoff])
            let count = db.changesCount
            guard count > 0 else { return 0 }
            try db.execute(sql: """
                INSERT OR REPLACE INTO pruned_items (feed_key, item_id, seen_at)
                SELECT feed_key, item_id, ? FROM feed_items WHERE story_id IN (SELECT id FROM temp.pruned)
                """, arguments: [now])
            try db.execute(sql: "DELETE FROM story_search WHERE rowid IN (SELECT id FROM temp.pruned)")
            try db.execute(sql: "DELETE FROM stories WHERE id IN (SELECT id FROM temp.pruned)")
            return count
        }
    }

    /// Rebuilds the cache file without its free pages (SQLite's VACUUM) and returns the bytes it shrank by
    /// (0 for an in-memory store).
    public func vacuum() throws -> Int64 {
        let before = fileSize()
        try requireWritable()
        background?.wait()
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "VACUUM")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        return max(0, before - fileSize())
    }

    /// Writes the write-ahead log back into the cache file and empties it, as closing the last connection does.
    public func checkpoint() throws {
        try requireWritable()
        background?.wait()
        try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    /// The cache file's size with its write-ahead log.
    private func fileSize() -> Int64 {
        guard let path else { return 0 }
        return [path, path + "-wal"].reduce(0) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int64) ?? 0)
        }
    }
}
