import GRDB
import GRDBSQLite

extension RowWrite {
    /// Binds the values `bind` gives, runs the statement and returns its first row's first column as an integer
    /// (nil: no row, or NULL). For the import's per-item lookups (`SELECT story_id FROM feed_items WHERE …`) and
    /// for a write that returns what it stored (`INSERT … RETURNING`), without GRDB's boxing of every argument.
    func int64(_ bind: (inout Binder) throws -> Void) throws -> Int64? {
        try first(bind) { sqlite3_column_int64($0, 0) }
    }

    /// As `int64`, for a text column.
    func text(_ bind: (inout Binder) throws -> Void) throws -> String? {
        try first(bind) { statement in
            guard let bytes = sqlite3_column_text(statement, 0) else { return "" }
            let count = Int(sqlite3_column_bytes(statement, 0))
            return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        }
    }

    /// The first row's first column read by `read` (nil when there is no row or the value is NULL); the statement
    /// is stepped to its end, so that a write with `RETURNING` completes.
    private func first<T>(_ bind: (inout Binder) throws -> Void, read: (SQLiteStatement) -> T) throws -> T? {
        let handle = statement.sqliteStatement
        var binder = Binder(statement: handle)
        defer { sqlite3_reset(handle) }
        try bind(&binder)
        var value: T?
        var code = sqlite3_step(handle)
        if code == SQLITE_ROW {
            if sqlite3_column_type(handle, 0) != SQLITE_NULL { value = read(handle) }
            repeat { code = sqlite3_step(handle) } while code == SQLITE_ROW
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
        }
        return value
    }
}
