import Foundation
import GRDB

/// Read marks: a story is unread until `read_at` is set.
extension Store {
    /// Marks stories read (sets `read_at` to now; stories already read keep their time) or unread (clears it).
    /// Throws `StoreError.noSuchStory` and changes nothing if any id is unknown.
    public func setRead(_ read: Bool, ids: [Int64]) throws {
        let now = Date()
        try writer.write { db in
            let exists = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM stories WHERE id = ?)")
            for id in ids where try Bool.fetchOne(exists, arguments: [id]) != true {
                throw StoreError.noSuchStory(id: id)
            }
            let sql = read ? "UPDATE stories SET read_at = ? WHERE id = ? AND read_at IS NULL"
                           : "UPDATE stories SET read_at = NULL WHERE id = ?"
            let statement = try db.cachedStatement(sql: sql)
            for id in ids {
                try statement.execute(arguments: read ? [now, id] : [id])
            }
        }
    }

    /// Marks every unread story read; returns the ids it changed (for undo).
    public func markAllRead() throws -> [Int64] {
        let now = Date()
        return try writer.write { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM stories WHERE read_at IS NULL ORDER BY id")
            try db.execute(sql: "UPDATE stories SET read_at = ? WHERE read_at IS NULL", arguments: [now])
            return ids
        }
    }
}
