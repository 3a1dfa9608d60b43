import Foundation
import GRDB
import GRDBSQLite

extension RowWrite {
    /// Binds a `RowWrite`'s parameters left to right. Text is copied by SQLite (`SQLITE_TRANSIENT`), so nothing
    /// here outlives the call.
    struct Binder {
        let statement: SQLiteStatement
        private var index: Int32 = 1

        init(statement: SQLiteStatement) {
            self.statement = statement
        }

        mutating func bind(_ value: Int) throws { try check(sqlite3_bind_int64(statement, index, Int64(value))) }

        mutating func bind(_ value: Int?) throws {
            if let value { try bind(value) } else { try check(sqlite3_bind_null(statement, index)) }
        }

        mutating func bind(_ value: Int64) throws { try check(sqlite3_bind_int64(statement, index, value)) }

        mutating func bind(_ value: Int64?) throws {
            if let value { try bind(value) } else { try check(sqlite3_bind_null(statement, index)) }
        }

        mutating func bind(_ value: String) throws {
            var text = value
            let code = text.withUTF8 { bytes in
                // An empty buffer may have no address, and a null pointer would bind NULL instead of '': '' is
                // bound from a buffer that lives as long as the process, so SQLite need not copy (nor allocate for) it.
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_text(statement, index, Self.emptyText, 0, nil)
                }
                return sqlite3_bind_text(statement, index, base, Int32(clamping: bytes.count), Self.transient)
            }
            try check(code)
        }

        mutating func bind(_ value: String?) throws {
            if let value { try bind(value) } else { try check(sqlite3_bind_null(statement, index)) }
        }

        /// A date as GRDB stores it (`StoredDateText.text`).
        mutating func bind(_ value: Date?) throws {
            if let value { try bind(StoredDateText.text(value)) } else { try check(sqlite3_bind_null(statement, index)) }
        }

        mutating func bind(_ value: Data) throws {
            let code = value.withUnsafeBytes { bytes in
                // As with text: an empty buffer may have no address, and a null pointer would bind NULL.
                sqlite3_bind_blob(statement, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                                  Int32(clamping: bytes.count), Self.transient)
            }
            try check(code)
        }

        private mutating func check(_ code: Int32) throws {
            guard code == SQLITE_OK else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                    message: "cannot bind parameter \(index): \(String(cString: sqlite3_errstr(code)))")
            }
            index += 1
        }

        /// A C string '' that is never freed nor written, bound as `SQLITE_STATIC` (story entity rows bind two ''
        /// each); safe to share between threads, being read only.
        nonisolated(unsafe) private static let emptyText: UnsafePointer<CChar> = {
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
            buffer.initialize(to: 0)
            return UnsafePointer(buffer)
        }()

        /// SQLite's `SQLITE_TRANSIENT`: copy the bytes before returning.
        private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    }
}
