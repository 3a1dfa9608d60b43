import GRDB

/// Where each column of a statement's result is, by name. Readers look their columns up here once per query and
/// keep the positions, so a loop over thousands of rows reads them by position (GRDB's by-name lookup per row cost
/// most of the time it took to open a long story) while the code still names every column it reads.
///
///     let statement = try db.cachedStatement(sql: "SELECT paragraph_id, text FROM paragraphs WHERE story_id = ?")
///     let columns = ColumnIndex(statement)
///     let text = try columns.position(of: "text")
///     while let row = try cursor.next() { let paragraph: String = row[text] }
struct ColumnIndex {
    let statement: Statement

    init(_ statement: Statement) {
        self.statement = statement
    }

    /// The position of the column `name`; throws naming it when the statement does not select it (a query and
    /// its reader out of step).
    func position(of name: String) throws -> Int {
        guard let position = statement.columnNames.firstIndex(of: name) else {
            throw DatabaseError(message: "column \(name) is not selected by: \(statement.sql)")
        }
        return position
    }
}
