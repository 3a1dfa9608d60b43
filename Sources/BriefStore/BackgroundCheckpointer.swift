import Foundation
import GRDBSQLite
import Synchronization

/// Copies the cache's write-ahead log into the cache file on a connection and a thread of its own, while the writer
/// goes on writing: `Store.checkpointIfDue` starts it after a fetch's chunk instead of checkpointing on the writer.
///
/// At 100,000 stories a 1,000-story chunk leaves about 4,400 pages (70 MB) in the log, and copying them back took the
/// writer 0.15 s at the start of a fetch and 0.4 s at the end: the next chunk waited for it, and the cores sat idle.
/// A checkpoint beside the writer copies what was committed when it began, and SQLite starts the log over at the
/// next transaction once everything in it is copied. A writer that never pauses never lets that happen, so every
/// third due checkpoint the writer finishes the copy itself (`WALCheckpoints.leavesToBackground`).
///
/// Passive checkpoints only: they never wait for a reader or the writer, and copy what no reader still needs.
final class BackgroundCheckpointer: @unchecked Sendable {
    private let path: String
    private let queue = DispatchQueue(label: "brief.checkpoint")
    /// Opened on first use, closed with this object; only touched on `queue` (and in `deinit`, after it).
    private var connection: OpaquePointer?
    /// Whether a checkpoint is queued or running.
    private let busy = Mutex(false)
    /// How many checkpoints this object ran to completion.
    private let done = Mutex(0)

    init(path: String) {
        self.path = path
    }

    deinit {
        // The queue's blocks hold `self`: none is left by now.
        if let connection { sqlite3_close_v2(connection) }
    }

    /// Starts a checkpoint unless one is already under way, and returns at once.
    func start() {
        guard busy.withLock({ busy in
            defer { busy = true }
            return !busy
        }) else { return }
        queue.async { [self] in
            checkpoint()
            busy.withLock { $0 = false }
        }
    }

    /// Returns once no checkpoint of this object is running.
    func wait() {
        queue.sync {}
    }

    /// How many checkpoints ran to completion.
    var completed: Int { done.withLock { $0 } }

    private func checkpoint() {
        if connection == nil {
            var opened: OpaquePointer?
            guard sqlite3_open_v2(path, &opened, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK else {
                // A cache that cannot be opened again now (it was moved, or no descriptor is left): the writer's
                // own checkpoint, every third time, still copies the log.
                sqlite3_close_v2(opened)
                return
            }
            // A connection learns that the file is in WAL mode when it first reads it; until then a checkpoint
            // does nothing.
            guard sqlite3_exec(opened, "SELECT count(*) FROM sqlite_schema", nil, nil, nil) == SQLITE_OK else {
                sqlite3_close_v2(opened)
                return
            }
            connection = opened
        }
        var log: Int32 = -1, copied: Int32 = -1
        if sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, &log, &copied) == SQLITE_OK, log >= 0 {
            done.withLock { $0 += 1 }
        }
    }
}
