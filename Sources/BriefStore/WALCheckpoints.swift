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
    /// How many due checkpoints in a row `BackgroundCheckpointer` may run beside the writer before the writer
    /// finishes one itself, so that the next transaction starts the log over (`Store.checkpointIfDue`): the log
    /// then holds about three fetch chunks at most (48 MB for 500-story chunks into a new cache; 200 MB for
    /// 1,000-story chunks into a 100,000-story cache).
    static let defaultBackgroundRounds = 2
    /// The log's size in pages past which the writer finishes the copy itself however few rounds ran (320 MB at
    /// the cache's 16 KB pages): a bound for bulk writes larger than a fetch's chunks.
    static let defaultRestartPages = 20_000

    let threshold: Int
    let backgroundRounds: Int
    let restartPages: Int
    /// Whether a commit leaves its checkpoint to `checkpointIfDue`, the log's size in pages after the last commit
    /// that did, and the due checkpoints left to the background since the writer last ran one.
    private let state = Mutex<(deferring: Bool, pages: Int, rounds: Int)>((false, 0, 0))

    init(threshold: Int = defaultThreshold, backgroundRounds: Int = defaultBackgroundRounds,
         restartPages: Int = defaultRestartPages) {
        self.threshold = threshold
        self.backgroundRounds = backgroundRounds
        self.restartPages = restartPages
    }

    /// Whether the due checkpoint of a log of `pages` pages may run beside the writer; when not, the writer runs it
    /// and the count of rounds starts again.
    func leavesToBackground(pages: Int) -> Bool {
        state.withLock { state in
            if state.rounds < backgroundRounds, pages < restartPages {
                state.rounds += 1
                return true
            }
            state.rounds = 0
            return false
        }
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
