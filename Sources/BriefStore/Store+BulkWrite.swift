import GRDB

extension Store {
    /// A write transaction for an import's inserts, with SQLite's foreign-key checks off while it runs.
    ///
    /// Every row an import adds refers to a row it added or found earlier in the same transaction (`StoryWriter`
    /// writes the story and its entities before the rows that name them), so checking each parent again cost index
    /// look-ups that could catch nothing: 5 % of the store's instructions for 2,000 stories (callgrind). An import
    /// deletes no row that others refer to, so no cascade is missed; `brief check` still checks every reference
    /// (`PRAGMA foreign_key_check`). The pragma is set outside the transaction (inside one SQLite ignores it) and
    /// set back before any other write runs on the connection.
    func bulkWrite<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            try db.beginTransaction(.immediate)
            do {
                let result = try body(db)
                try db.commit()
                return result
            } catch {
                try? db.rollback()
                throw error
            }
        }
    }
}
