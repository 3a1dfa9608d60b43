import GRDB
import GRDBSQLite

extension RowWrite {
    /// Binds the values `bind` gives, runs the statement and returns its first row's first column as an integer
    /// (nil: no row, or NULL). For the import's per-item lookups (`SELECT story_id FROM feed_items WHERE …`), without
    /// GRDB's boxing of every argument.
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

    /// As `text`, for the first row's first `count` columns (each nil when NULL); nil when there is no row.
    func texts(_ count: Int, _ bind: (inout Binder) throws -> Void) throws -> [String?]? {
        let handle = statement.sqliteStatement
        var binder = Binder(statement: handle)
        defer { sqlite3_reset(handle) }
        try bind(&binder)
        switch sqlite3_step(handle) {
        case SQLITE_ROW:
            return (0..<Int32(count)).map { column in
                guard sqlite3_column_type(handle, column) != SQLITE_NULL, let bytes = sqlite3_column_text(handle, column)
                else { return nil }
                let length = Int(sqlite3_column_bytes(handle, column))
                return String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
            }
        case SQLITE_DONE: return nil
        case let code:
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
        }
    }

    /// Binds the values `bind` gives, runs the statement and calls `body` with each row's first column as UTF-8
    /// bytes (empty for NULL), valid only during the call: a scan that makes no string of a row it passes over.
    func eachText(_ bind: (inout Binder) throws -> Void, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        let handle = statement.sqliteStatement
        var binder = Binder(statement: handle)
        defer { sqlite3_reset(handle) }
        try bind(&binder)
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_ROW:
                let bytes = sqlite3_column_text(handle, 0)
                try body(UnsafeBufferPointer(start: bytes, count: bytes == nil ? 0 : Int(sqlite3_column_bytes(handle, 0))))
            case SQLITE_DONE: return
            case let code:
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
            }
        }
    }

    /// The first row's first column read by `read` (nil when there is no row or the value is NULL); later rows are
    /// left unread.
    private func first<T>(_ bind: (inout Binder) throws -> Void, read: (SQLiteStatement) -> T) throws -> T? {
        let handle = statement.sqliteStatement
        var binder = Binder(statement: handle)
        defer { sqlite3_reset(handle) }
        try bind(&binder)
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return sqlite3_column_type(handle, 0) == SQLITE_NULL ? nil : read(handle)
        case SQLITE_DONE: return nil
        case let code:
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
        }
    }
}
