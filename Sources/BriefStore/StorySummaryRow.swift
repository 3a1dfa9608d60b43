import Foundation
import GRDB
import GRDBSQLite

/// Reads `StorySummary` list rows by column name. `columns` selects them from `stories s` (a query may add its own
/// columns around them); `init` finds where each landed in the statement, once per query: a list reads thousands.
/// The story's top three entity names are kept on its row at import, so a list needs no per-row subquery, and the
/// `stories_list` index (migrations "v4", rebuilt by "v7") holds every one of these columns, so the list reads that index alone: a
/// column added here belongs in a new covering index too.
struct StorySummaryRow {
    /// The list-row columns of `stories s`, for a query's SELECT.
    static let columns = """
        s.id, s.title, s.source, s.published, s.imported_at, s.read_at, s.top_entity_1, s.top_entity_2, s.top_entity_3,
        s.starred_at
        """
    private let id, title, source, published, importedAt, readAt, starredAt: Int
    private let topEntities: [Int]

    init(_ statement: Statement) throws {
        let columns = ColumnIndex(statement)
        id = try columns.position(of: "id")
        title = try columns.position(of: "title")
        source = try columns.position(of: "source")
        published = try columns.position(of: "published")
        importedAt = try columns.position(of: "imported_at")
        readAt = try columns.position(of: "read_at")
        starredAt = try columns.position(of: "starred_at")
        topEntities = try ["top_entity_1", "top_entity_2", "top_entity_3"].map(columns.position(of:))
    }

    /// A list row; `dates` remembers import and read times already decoded, which a whole list shares by
    /// the thousand (one per import or mark-all-read), so each is parsed once.
    func summary(_ row: Row, dates: inout StoredDates) -> StorySummary {
        var top: [String] = []
        for position in topEntities {
            if let name: String = row[position] { top.append(name) }
        }
        // Text in the stored form is parsed from its bytes (import and read times, which repeat, once per distinct
        // text); any other stored value is read as GRDB reads it.
        func date(_ column: Int, remembered: Bool) -> Date? {
            let value: DatabaseValue = row[column]
            if case .string(var text) = value.storage {
                if remembered { return dates.date(text) }
                if let date = text.withUTF8(StoredDateText.date) { return date }
            }
            return Date.fromDatabaseValue(value)
        }
        // A time that is not a date (a damaged row) reads as the epoch rather than stopping the reader.
        let imported = date(importedAt, remembered: true) ?? Date(timeIntervalSince1970: 0)
        let read = date(readAt, remembered: true), starred = date(starredAt, remembered: true)
        let publishedDate = date(published, remembered: false)
        return StorySummary(id: row[id], title: row[title], source: row[source], published: publishedDate,
                            importedAt: imported, readAt: read, topEntities: top, starredAt: starred)
    }

    /// A single row (its dates decoded afresh).
    func summary(_ row: Row) -> StorySummary {
        var dates = StoredDates()
        return summary(row, dates: &dates)
    }

    /// Every row `statement` gives with `arguments`, read as list rows through `summary(_:on:names:)`, each with its
    /// row for any columns the query adds (`make`).
    static func rows<T>(_ statement: Statement, arguments: StatementArguments, capacity: Int = 0,
                        _ make: (StorySummary, Row) throws -> T) throws -> [T] {
        let reader = try StorySummaryRow(statement)
        let cursor = try Row.fetchCursor(statement, arguments: arguments)
        let sqlite = statement.sqliteStatement
        var names: [String: String] = [:]
        var rows: [T] = []
        rows.reserveCapacity(capacity)
        while let row = try cursor.next() { rows.append(try make(reader.summary(row, on: sqlite, names: &names), row)) }
        return rows
    }

    /// `rows` of list rows alone.
    static func summaries(_ statement: Statement, arguments: StatementArguments, capacity: Int = 0) throws -> [StorySummary] {
        try rows(statement, arguments: arguments, capacity: capacity) { summary, _ in summary }
    }

    /// The list row `row` of a cursor over `statement` (the row the statement is on), read straight from SQLite's
    /// column buffers: no intermediate values, and dates parsed from their bytes (`StoredDateText`), so a list of
    /// 100,000 rows loads in a fraction of the time. Anything unexpected in a column is read as `summary(_:dates:)`
    /// reads it.
    func summary(_ row: Row, on statement: SQLiteStatement, names: inout [String: String]) -> StorySummary {
        func text(_ column: Int) -> String? {
            let index = Int32(column)
            guard sqlite3_column_type(statement, index) == SQLITE_TEXT, let bytes = sqlite3_column_text(statement, index)
            else { return nil }
            return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, index))),
                          as: UTF8.self)
        }
        func date(_ column: Int) -> Date? {
            let index = Int32(column)
            switch sqlite3_column_type(statement, index) {
            case SQLITE_NULL: return nil
            case SQLITE_TEXT:
                if let bytes = sqlite3_column_text(statement, index),
                   let date = StoredDateText.date(UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, index)))) {
                    return date
                }
                return row[column] as Date?
            default: return row[column] as Date?
            }
        }
        // Sources and entity names repeat across thousands of rows: each distinct one is kept once (`names`), and
        // the rows share it, which saves a few hundred bytes per row of a large list.
        func shared(_ column: Int) -> String? {
            guard let value = text(column) else { return nil }
            if let known = names[value] { return known }
            if names.count < 50_000 { names[value] = value }
            return value
        }
        var top: [String] = []
        for position in topEntities {
            if let name = shared(position) { top.append(name) }
        }
        return StorySummary(id: sqlite3_column_int64(statement, Int32(id)), title: text(title) ?? row[title],
                            source: shared(source) ?? row[source], published: date(published),
                            importedAt: date(importedAt) ?? Date(timeIntervalSince1970: 0), readAt: date(readAt),
                            topEntities: top, starredAt: date(starredAt))
    }
}
