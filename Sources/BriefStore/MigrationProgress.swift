import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// Tells the person waiting that the cache is being converted, while a long migration runs on open (the
/// "v12 lean cache" conversion of a big cache takes a while): after a second, and then every second, `report` gets
/// the seconds spent so far; `finish` gets the total when it took that long. SQLite calls back every few thousand
/// instructions of the migration's statements (`sqlite3_progress_handler`), so plain-SQL migrations report too.
///
///     let progress = MigrationProgress { print("converting… \($0) s") } finish: { print("done in \($0) s") }
///     try progress.watch(db) { try migrator.migrate(pool) }
final class MigrationProgress: Sendable {
    private let report: @Sendable (Int) -> Void
    private let finished: @Sendable (Int) -> Void
    private let started = Date()
    /// The last whole second reported.
    private let reported = Mutex(0)

    init(report: @escaping @Sendable (Int) -> Void, finish: @escaping @Sendable (Int) -> Void) {
        self.report = report
        finished = finish
    }

    /// Runs `migrate` with the callback installed on the writer connection `db` is, then removes it.
    func watch(_ writer: any DatabaseWriter, while migrate: () throws -> Void) throws {
        let context = Unmanaged.passRetained(self)
        defer { context.release() }
        writer.writeWithoutTransaction { db in
            sqlite3_progress_handler(db.sqliteConnection, 100_000, { pointer in
                guard let pointer else { return 0 }
                Unmanaged<MigrationProgress>.fromOpaque(pointer).takeUnretainedValue().tick()
                return 0
            }, context.toOpaque())
        }
        defer {
            writer.writeWithoutTransaction { db in sqlite3_progress_handler(db.sqliteConnection, 0, nil, nil) }
        }
        try migrate()
        let seconds = reported.withLock { $0 }
        if seconds > 0 { finished(Int(Date().timeIntervalSince(started).rounded())) }
    }

    private func tick() {
        let seconds = Int(Date().timeIntervalSince(started))
        let due = reported.withLock { last in
            guard seconds > last else { return false }
            last = seconds
            return true
        }
        if due { report(seconds) }
    }
}
