import GRDB

/// The story list a window of rows at a time: a reader of 100,000 stories reads the rows it shows and a few
/// hundred around them, not the whole list. Rows come in the list's order (`summaries(_:)`: newest first) and
/// are addressed by their position in it.
extension Store {
    /// The rows of the list `filter` selects at positions `offset..<offset + limit` (fewer at its end).
    /// Positions are skipped in the list's covering index, so a window costs a walk of that index up to it and no
    /// table reads; a window in the list's second half (by `count`, the caller's idea of its length) is walked to
    /// from the end, after counting the list in the same read.
    public func summaries(_ filter: StoryFilter, offset: Int, limit: Int, count: Int? = nil) throws -> [StorySummary] {
        guard limit > 0 else { return [] }
        return try writer.read { db in
            let (condition, arguments) = filter.condition
            let values = arguments.map { $0 as (any DatabaseValueConvertible)? }
            var order = "DESC", skip = max(0, offset), take = limit
            if let count, offset > count / 2 {
                let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stories s \(condition)",
                                             arguments: StatementArguments(values)) ?? 0
                order = "ASC"
                take = max(0, min(limit, total - offset))
                skip = max(0, total - offset - take)
            }
            let statement = try db.makeStatement(sql: """
                SELECT \(StorySummaryRow.columns) FROM stories s INDEXED BY \(Self.listIndex(filter)) \(condition)
                ORDER BY s.list_date \(order), s.id \(order) LIMIT ? OFFSET ?
                """)
            let summaries = try StorySummaryRow.summaries(statement, arguments: StatementArguments(values + [take, skip]),
                                                          capacity: take)
            return order == "ASC" ? summaries.reversed() : summaries
        }
    }

    /// Where story `id` stands in the list `filter` selects (0 for the first row), or nil when the list does not
    /// hold it: the rows before it, counted in the list's index.
    public func position(ofStory id: Int64, in filter: StoryFilter) throws -> Int? {
        try writer.read { db in
            let (condition, arguments) = filter.condition
            let values = arguments.map { $0 as (any DatabaseValueConvertible)? }
            let filtered = condition.isEmpty ? "WHERE" : condition + " AND"
            guard let date = try DatabaseValue.fetchOne(db, sql: """
                SELECT s.list_date FROM stories s \(filtered) s.id = ?
                """, arguments: StatementArguments(values + [id])) else { return nil }
            return try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM stories s INDEXED BY \(Self.listIndex(filter))
                \(filtered) (s.list_date > ? OR (s.list_date = ? AND s.id > ?))
                """, arguments: StatementArguments(values + [date, date, id])) ?? 0
        }
    }

    /// The position of the first unread story after position `position` of the list `filter` selects (before it,
    /// without `forward`), or nil when there is none that way. Steps through the read marks of the list's index.
    public func unreadPosition(in filter: StoryFilter, after position: Int, forward: Bool) throws -> Int? {
        guard forward || position > 0 else { return nil }
        return try writer.read { db in
            let (condition, arguments) = filter.condition
            let values = arguments.map { $0 as (any DatabaseValueConvertible)? }
            // Backwards: the rows before `position`, from the first; the last unread of them.
            let statement = try db.makeStatement(sql: """
                SELECT s.read_at IS NULL FROM stories s INDEXED BY \(Self.listIndex(filter)) \(condition)
                ORDER BY s.list_date DESC, s.id DESC LIMIT ? OFFSET ?
                """)
            let window = forward ? [-1, position + 1] : [position, 0]
            let rows = try Bool.fetchCursor(statement, arguments: StatementArguments(values + window.map { $0 as (any DatabaseValueConvertible)? }))
            var step = 0, last: Int?
            while let unread = try rows.next() {
                if unread {
                    if forward { return position + 1 + step }
                    last = step
                }
                step += 1
            }
            return last
        }
    }

    /// The index a list of `filter` walks (see `summaries(_:)`).
    static func listIndex(_ filter: StoryFilter) -> String {
        filter.starredOnly ? "stories_starred" : "stories_list"
    }
}
