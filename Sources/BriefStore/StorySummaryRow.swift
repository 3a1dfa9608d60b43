import Foundation
import GRDB

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
        // A time that is not a date (a damaged row) reads as the epoch rather than stopping the reader.
        let imported: Date = dates.date(row[importedAt] as String?) ?? (row[importedAt] as Date?) ?? Date(timeIntervalSince1970: 0)
        let readText: String? = row[readAt]
        let read: Date? = readText == nil ? nil : dates.date(readText) ?? (row[readAt] as Date?)
        let starredText: String? = row[starredAt]
        let starred: Date? = starredText == nil ? nil : dates.date(starredText) ?? (row[starredAt] as Date?)
        return StorySummary(id: row[id], title: row[title], source: row[source], published: row[published],
                            importedAt: imported, readAt: read, topEntities: top, starredAt: starred)
    }

    /// A single row (its dates decoded afresh).
    func summary(_ row: Row) -> StorySummary {
        var dates = StoredDates()
        return summary(row, dates: &dates)
    }
}
