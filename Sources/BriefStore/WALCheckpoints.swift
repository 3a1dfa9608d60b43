import GRDB
import GRDBSQLite
import Synchronization

/// When the writer connection copies its write-ahead log back into the cache file (a WAL checkpoint).
///
/// SQLite's own rule is kept: once a commit leaves `threshold` pages or more in the log, that commit checkpoints,
/// on the committing thread, before it returns (two `fdatasync`s; 70–120 ms for the 16 MB a 1,000-page log holds
/// here). A bulk write whose caller has something better to do first defers it instead (`deferring`): its
/// commit returns at once and the caller runs `checkpointIfDue` later. `brief fetch` does, so that the next feed's
/// chunk is not held back while the log is synced: with the checkpoint inside the commit, each of the eight
/// checkpoints of a 10,000-story fetch left both cores idle for about 80 ms.
///
/// The hook replaces SQLite's default one (`wal_autocheckpoint`), which does the same as `committed` below
/// without the deferral.
final class WALCheckpoints: Sendable {
    /// SQLite's default `wal_autocheckpoint`, in pages.
    static let defaultThreshold = 1000
    /// How long the log may grow while `BackgroundCheckpointer` copies it beside a writer that never pauses (192 MB
    /// at the cache's 16 KB pages: three 1,000-story chunks of a fetch into a 100,000-story cache).
    static let defaultRestartPages = 12_000

    let threshold: Int
    /// Past this many pages in the log, the writer finishes the copy itself so that the next transaction starts
    /// the log over (`Store.checkpointIfDue`).
    let restartPages: Int
    /// Whether a commit leaves its checkpoint to `checkpointIfDue`, and the log's size in pages after the last
    /// commit that did.
    private let state = Mutex<(deferring: Bool, pages: Int)>((false, 0))

    init(threshold: Int = defaultThreshold, restartPages: Int = defaultRestartPages) {
        self.threshold = threshold
        self.restartPages = restartPages
    }

    /// Makes `db` (a writable connection in WAL mode) checkpoint by this schedule. `self` must outlive the
    /// connection: the caller keeps it (the store's configuration captures it).
    func install(on db: Database) {
        sqlite3_wal_hook(db.sqliteConnection, { context, connection, name, pages in
            guard let context else { return SQLITE_OK }
            let checkpoints = Unmanaged<WALCheckpoints>.fromOpaque(context).takeUnretainedValue()
            return checkpoints.committed(connection, name, pages: Int(pages))
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Runs `body` (a write that commits) with its checkpoint deferred.
    func deferring<T>(_ body: () throws -> T) rethrows -> T {
        state.withLock { $0.deferring = true }
        defer { state.withLock { $0.deferring = false } }
        return try body()
    }

    /// The log's size in pages when a deferred commit left it at or past the threshold, else nil; reading it
    /// forgets it.
    func takeDue() -> Int? {
        state.withLock { state in
            defer { state.pages = 0 }
            return state.pages >= threshold ? state.pages : nil
        }
    }

    /// SQLite's call after every commit, with the log's size in pages.
    private func committed(_ connection: OpaquePointer?, _ name: UnsafePointer<CChar>?, pages: Int) -> Int32 {
        let deferred = state.withLock { state -> Bool in
            if state.deferring { state.pages = pages }
            return state.deferring
        }
        // As SQLite's default hook: a checkpoint that cannot finish (readers still on old pages) is not an error of
        // the commit, which has already happened.
        if !deferred, pages >= threshold { _ = sqlite3_wal_checkpoint(connection, name) }
        return SQLITE_OK
    }
}
