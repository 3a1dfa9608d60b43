import Foundation
import GRDB

/// Read marks and stars: a story is unread until `read_at` is set, and starred while `starred_at` is.
///
/// Every change of marks, whatever asks for it (one story, all of them, a feed's), goes through
/// `Store.write(_:ids:at:in:)` inside the caller's transaction and comes back as the ids it really changed, so
/// whatever must follow a mark (a sync queue) hooks in there once and sees every one.
extension Store {
    /// Applies `mark` to the stories `ids` and returns the ids it changed, in the order given (a story already
    /// read keeps its read time; one already starred its star time). Throws `StoreError.noSuchStory` and changes
    /// nothing if any id is unknown.
    @discardableResult
    public func apply(_ mark: StoryMark, ids: [Int64]) throws -> [Int64] {
        let now = Date()
        try requireWritable()
        return try writer.write { db in
            let exists = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM stories WHERE id = ?)")
            for id in ids where try Bool.fetchOne(exists, arguments: [id]) != true {
                throw StoreError.noSuchStory(id: id)
            }
            return try Self.write(mark, ids: ids, at: now, in: db)
        }
    }

    /// Marks stories read (sets `read_at` to now; stories already read keep their time) or unread (clears it);
    /// returns the ids it changed. Throws `StoreError.noSuchStory` and changes nothing if any id is unknown.
    @discardableResult
    public func setRead(_ read: Bool, ids: [Int64]) throws -> [Int64] {
        try apply(read ? .read : .unread, ids: ids)
    }

    /// Stars or unstars stories; returns the ids it changed. Throws `StoreError.noSuchStory` and changes nothing
    /// if any id is unknown.
    @discardableResult
    public func setStarred(_ starred: Bool, ids: [Int64]) throws -> [Int64] {
        try apply(starred ? .star : .unstar, ids: ids)
    }

    /// Marks every unread story read; returns the ids it changed (for undo).
    public func markAllRead() throws -> [Int64] {
        try markAll(.read, where: "read_at IS NULL")
    }

    /// Marks every unread story `filter` selects read (a feed's, a folder's); returns the ids it changed.
    public func markAllRead(_ filter: StoryFilter) throws -> [Int64] {
        let now = Date()
        try requireWritable()
        return try writer.write { db in
            var unread = filter
            unread.unreadOnly = true
            let (condition, arguments) = unread.condition
            let ids = try Int64.fetchAll(db, sql: "SELECT s.id FROM stories s \(condition) ORDER BY s.id",
                                         arguments: StatementArguments(arguments))
            return try Self.write(.read, ids: ids, at: now, in: db)
        }
    }

    /// Marks every read story unread; returns the ids it changed (for undo).
    public func markAllUnread() throws -> [Int64] {
        try markAll(.unread, where: "read_at IS NOT NULL")
    }

    /// Ids of the starred stories, newest first (the list's order).
    public func starredIDs() throws -> [Int64] {
        try writer.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT id FROM stories INDEXED BY stories_starred WHERE starred_at IS NOT NULL
                ORDER BY list_date DESC, id DESC
                """)
        }
    }

    /// Applies `mark` to every story matching `condition` (SQL over `stories`), in one transaction.
    private func markAll(_ mark: StoryMark, where condition: String) throws -> [Int64] {
        let now = Date()
        try requireWritable()
        return try writer.write { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM stories WHERE \(condition) ORDER BY id")
            return try Self.write(mark, ids: ids, at: now, in: db)
        }
    }

    /// The one place marks are written, inside the caller's transaction: sets `mark` on each of `ids` (known to
    /// exist) that is not in that state yet and returns those ids. A sync queue records the returned ids here,
    /// in the same transaction, so no path can mark without queueing.
    static func write(_ mark: StoryMark, ids: [Int64], at now: Date, in db: Database) throws -> [Int64] {
        let sql = switch mark {
        case .read: "UPDATE stories SET read_at = ? WHERE id = ? AND read_at IS NULL"
        case .unread: "UPDATE stories SET read_at = NULL WHERE id = ? AND read_at IS NOT NULL"
        case .star: "UPDATE stories SET starred_at = ? WHERE id = ? AND starred_at IS NULL"
        case .unstar: "UPDATE stories SET starred_at = NULL WHERE id = ? AND starred_at IS NOT NULL"
        }
        let statement = try db.cachedStatement(sql: sql)
        let setsTime = mark == .read || mark == .star
        var changed: [Int64] = []
        for id in ids {
            try statement.execute(arguments: setsTime ? [now, id] : [id])
            if db.changesCount > 0 { changed.append(id) }
        }
        return changed
    }
}
