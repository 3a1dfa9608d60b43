import Foundation
import GRDB
import Synchronization

/// Notices commits other connections make to the cache (`brief mark`, `brief fetch`, a second reader) through
/// SQLite's `PRAGMA data_version` on a connection of its own: a check reads no table, only a counter in the WAL
/// index, so the reader can ask several times a second for nothing. The process's own writes count too (they
/// come from another connection): `catchUp()` after them so they are not taken for someone else's.
public final class CacheWatcher: Sendable {
    private let queue: DatabaseQueue
    private let seen = Mutex<Int?>(nil)

    /// Watches the cache file at `path`; nil when it cannot be opened to read.
    public init?(path: String) {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(1)
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return nil }
        self.queue = queue
        catchUp()
    }

    /// True when another connection committed since the last check or `catchUp()`.
    public func changed() -> Bool {
        guard let version = version() else { return false }
        return seen.withLock { seen in
            defer { seen = version }
            return seen != nil && seen != version
        }
    }

    /// Takes the cache as it is now as seen (after this process's own writes).
    public func catchUp() {
        let version = version()
        seen.withLock { $0 = version }
    }

    private func version() -> Int? {
        try? queue.read { try Int.fetchOne($0, sql: "PRAGMA data_version") }
    }
}
