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
    ///
    /// With `deferringCheckpoint`, a commit that fills the write-ahead log leaves its checkpoint to the caller's
    /// `checkpointIfDue()` (`WALCheckpoints`).
    func bulkWrite<T>(deferringCheckpoint: Bool = false, _ body: (Database) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            try db.beginTransaction(.immediate)
            do {
                let result = try body(db)
                if deferringCheckpoint {
                    try checkpoints.deferring { try db.commit() }
                } else {
                    try db.commit()
                }
                return result
            } catch {
                try? db.rollback()
                throw error
            }
        }
    }

    /// Runs the checkpoint a write with `deferringCheckpoint` left, if its commit filled the write-ahead log past
    /// SQLite's threshold; otherwise nothing. On a cache file it starts on a thread of its own and this returns at
    /// once (`BackgroundCheckpointer`), except every third time (`WALCheckpoints.leavesToBackground`): then it
    /// waits for the one running and copies the rest here, so that the next transaction starts the log over. A
    /// passive checkpoint: it copies what no reader still needs and never waits for one. A failure leaves the log
    /// to the next checkpoint, as SQLite's own after a commit does.
    public func checkpointIfDue() {
        guard let pages = checkpoints.takeDue() else { return }
        if let background, checkpoints.leavesToBackground(pages: pages) {
            background.start()
            return
        }
        background?.wait()
        try? writer.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
    }
}
