import GRDB
import GRDBSQLite

/// One prepared statement of the import's hot path (story rows, sections, story entities, entity counts, and the
/// lookups each feed item, entity and lone surname needs: `RowWrite+Lookup`), bound and stepped through SQLite's C
/// API: the store's only hand-bound SQL (`StoryWriter`, `SurnameLinks` and the feed import use it; everything else
/// goes through GRDB). A fetch of 10,000 stories runs about half a million such statements; GRDB's general path
/// boxes every argument and tracks every statement, which cost several times SQLite's own work. Only for plain
/// INSERTs, UPDATEs and SELECTs inside the caller's write transaction: they start no transaction and change no
/// schema, which is what GRDB's tracking watches for.
///
///     let insert = try RowWrite(db, sql: "INSERT INTO quotes (story_id, position, text) VALUES (?, ?, ?)")
///     try insert.run { $0.bind(storyID); $0.bind(position); $0.bind(text) }
struct RowWrite {
    let statement: Statement
    let db: Database

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.cachedStatement(sql: sql)
    }

    /// Binds the values `bind` gives, in order, and runs the statement; returns the rowid of the last row inserted.
    @discardableResult
    func run(_ bind: (inout Binder) throws -> Void) throws -> Int64 {
        let handle = statement.sqliteStatement
        var binder = Binder(statement: handle)
        defer { sqlite3_reset(handle) }
        try bind(&binder)
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
        }
        return sqlite3_last_insert_rowid(db.sqliteConnection)
    }
}
