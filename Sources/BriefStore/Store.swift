import Foundation
import GRDB

/// The cache façade: the only type that writes. Every change is one transaction; readers see whole stories.
/// Opening and checking the file is here; what it holds is read and written by concern in `Store+Stories`,
/// `Store+Marks`, `Store+Entities`, `Store+Search` and `Store+Feeds`.
///
/// ```swift
/// let store = try Store(path: CachePath.resolve(explicit: nil))
/// let outcomes = try store.importStories(items)
/// let unread = try store.summaries(unreadOnly: true)
/// ```
public final class Store: Sendable {
    let writer: any DatabaseWriter
    /// The cache file, or nil for an in-memory store.
    public let path: String?
    /// True when the cache file or its directory is read-only: the store was opened only to read, leaves no
    /// `-wal`/`-shm` files beside the cache, and every change is refused with `StoreError.readOnly`.
    public let isReadOnly: Bool
    /// When the writer's commits checkpoint the write-ahead log (installed on a cache file's writer connection only).
    let checkpoints: WALCheckpoints
    /// Copies the log into a cache file beside the writer (`checkpointIfDue`); nil in memory and read-only.
    let background: BackgroundCheckpointer?

    /// Opens (creating and migrating if needed) the cache at `path`, creating its directory when needed.
    /// A file that is not a Brief cache, or a cache from a newer Brief, is refused and left untouched.
    /// A migration that runs longer than a second calls `converting` with the seconds so far, every second, and
    /// `converted` with the total at the end (a terminal shows them; see `MigrationProgress`).
    public convenience init(path: String, converting: (@Sendable (Int) -> Void)? = nil,
                            converted: (@Sendable (Int) -> Void)? = nil) throws {
        try self.init(path: path, checkpoints: WALCheckpoints(), converting: converting, converted: converted)
    }

    /// `init(path:converting:converted:)` with the writer's checkpoints on another schedule (tests).
    init(path: String, checkpoints: WALCheckpoints, converting: (@Sendable (Int) -> Void)? = nil,
         converted: (@Sendable (Int) -> Void)? = nil) throws {
        self.checkpoints = checkpoints
        // A writable cache takes stories, each keyed by its content's hash; without one it is not opened at all.
        guard ContentHash.isAvailable || CacheFile.isReadOnly(path) else { throw StoreError.noHashing }
        if path == ":memory:" {
            var configuration = Configuration()
            configuration.prepareDatabase { db in Self.registerFunctions(in: db) }
            writer = try DatabaseQueue(configuration: configuration)
            self.path = nil
            isReadOnly = false
            background = nil
        } else if CacheFile.isReadOnly(path) {
            let location = CacheFile.readOnlyLocation(path)
            do {
                try Self.vetExistingFile(at: path, opening: location)
                var configuration = Configuration()
                configuration.readonly = true
                configuration.busyMode = .timeout(10)
                configuration.prepareDatabase { db in Self.registerFunctions(in: db) }
                writer = try DatabaseQueue(path: location, configuration: configuration)
            } catch let error as DatabaseError {
                throw Self.openError(error, path: path)
            }
            self.path = path
            isReadOnly = true
            background = nil
            return
        } else {
            do {
                try Self.retryingWhileAnotherOpens { try Self.vetExistingFile(at: path) }
            } catch let error as DatabaseError {
                throw Self.openError(error, path: path)
            }
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                do {
                    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                } catch {
                    throw StoreError.cannotOpen(path: path, reason: "cannot create directory \(directory)")
                }
            }
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            // Stories are 2–4 KB rows; 4 KB pages would hold one each and waste about half the file.
            // Only takes effect on a new, empty file (before WAL mode is set).
            configuration.prepareDatabase { db in
                // Story text is read through SQL functions (`StoryBody`), searches ranked by one (`SearchRank`):
                // every connection has them.
                Self.registerFunctions(in: db)
                try db.execute(sql: "PRAGMA page_size = 16384")
                // The writer's page cache: a fetch or import inserts rows into a dozen indexes at once, and with
                // SQLite's 2 MB default their pages are evicted and read back over and over (a 10,000-story fetch
                // stored in 1.4 s instead of 1.9 s of CPU with 32 MB). 16 MB: a fetch into a 100,000-story cache
                // took as long as with 32 MB and peaked 20 MB lower. It fills only as far as a big write needs it;
                // readers keep the default.
                if !db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = -16384") }
                if !db.configuration.readonly { checkpoints.install(on: db) }
            }
            do {
                writer = try Self.retryingWhileAnotherOpens {
                    let pool = try DatabasePool(path: path, configuration: configuration)
                    let convert = {
                        try CacheSchema.migrator.migrate(pool)
                        Self.compactIfPending(pool)
                    }
                    if let converting {
                        let progress = MigrationProgress(report: converting, finish: converted ?? { _ in })
                        try progress.watch(pool) { try convert() }
                    } else {
                        try convert()
                    }
                    return pool
                }
            } catch let error as DatabaseError {
                throw Self.openError(error, path: path)
            }
            self.path = path
            isReadOnly = false
            background = BackgroundCheckpointer(path: path)
            return
        }
        do {
            try CacheSchema.migrator.migrate(writer)
        } catch let error as DatabaseError {
            throw Self.openError(error, path: path)
        }
    }

    deinit {
        // A checkpoint beside the writer ends first, so that the last connection to close can empty the log.
        background?.wait()
    }

    /// The SQL functions every connection has: story text (`StoryBody`) and the search's rank (`SearchRank`).
    private static func registerFunctions(in db: Database) {
        StoryBody.register(in: db)
        SearchRank.register(in: db)
    }

    /// Gives the pages a conversion freed back to the system (VACUUM) when it left a row in `compaction_pending`
    /// (the "v13 leaner cache" conversion frees about half of a cache's pages), so a converted cache is as small on
    /// disk as a fresh one straight away rather than after `brief prune --vacuum`. It runs on the open that
    /// converted, while the person is already waiting (with its progress shown). VACUUM is its own transaction: a
    /// kill during it leaves the cache converted and the row in place, and the next open compacts it. A VACUUM that
    /// fails (no room for the copy) deletes the row all the same, so no open keeps trying; `brief prune --vacuum`
    /// remains.
    private static func compactIfPending(_ pool: DatabasePool) {
        let pending = "SELECT EXISTS (SELECT 1 FROM compaction_pending)"
        guard (try? pool.read({ try Bool.fetchOne($0, sql: pending) })) == true else { return }
        try? pool.writeWithoutTransaction { db in
            guard try Bool.fetchOne(db, sql: pending) == true else { return }
            try? db.execute(sql: "VACUUM")
            try db.execute(sql: "DELETE FROM compaction_pending")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    /// Runs `open` again while another process is creating or migrating the same cache. GRDB's migrator reads
    /// which migrations are applied before taking the write lock, so two processes opening a new cache at once
    /// (the reader and a fetch) can both try to create the tables or add the columns; the loser rolls back
    /// ("already exists", "duplicate column name", "no such table" for a table a later migration dropped, a
    /// migration recorded twice, or SQLITE_BUSY while WAL mode is being set) and, run again, finds the schema in place.
    private static func retryingWhileAnotherOpens<T>(_ open: () throws -> T) throws -> T {
        let deadline = Date().addingTimeInterval(10)
        while true {
            do {
                return try open()
            } catch let error as DatabaseError where Date() < deadline {
                let message = error.message ?? ""
                let raced = error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
                    || (error.resultCode == .SQLITE_ERROR
                        && (message.hasSuffix("already exists") || message.hasPrefix("duplicate column name")
                            || message.hasPrefix("no such table")))
                    || (error.resultCode == .SQLITE_CONSTRAINT && message.hasSuffix("grdb_migrations.identifier"))
                if !raced { throw error }
                usleep(50_000)
            }
        }
    }

    /// A watcher of other processes' changes to this cache (nil for an in-memory store).
    public func makeWatcher() -> CacheWatcher? {
        isReadOnly ? nil : path.flatMap(CacheWatcher.init(path:))
    }

    /// Throws `StoreError.readOnly` when the cache was opened only to read; every change calls it first.
    func requireWritable() throws {
        if isReadOnly { throw StoreError.readOnly(path: path ?? ":memory:") }
    }

    /// A store in memory, for unit tests.
    public static func inMemory() throws -> Store { try Store(path: ":memory:") }

    // MARK: - File checks

    /// What is wrong with the cache file, or an empty list when it is sound: SQLite's own
    /// `PRAGMA integrity_check` and foreign-key check, then Brief's own invariants (every story's text reads back and
    /// a story's first mentions are in its paragraphs; every story has one search row and every search row a story;
    /// each entity's counts match its stories).
    public func integrityProblems() throws -> [String] {
        try writer.read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            problems += try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                "foreign key broken in \(row["table"] as String? ?? "?") row \(row["rowid"] as Int64? ?? -1)"
            }
            // The search index's own rows are its `_docsize` table's: reading `story_search` itself would read its
            // content, the stories.
            let checks: [(String, String)] = [
                ("stories whose text cannot be read", """
                    SELECT COUNT(*) FROM stories WHERE body IS NULL OR brief_search_text(body) IS NULL
                    """),
                ("first mentions past their story's paragraphs", """
                    SELECT COUNT(*) FROM story_entities se JOIN stories s ON s.id = se.story_id
                    WHERE se.first_paragraph IS NOT NULL AND brief_paragraph(s.body, se.first_paragraph) IS NULL
                    """),
                ("stories without a search row",
                 "SELECT COUNT(*) FROM stories s WHERE NOT EXISTS (SELECT 1 FROM story_search_docsize WHERE id = s.id)"),
                ("entities whose story or mention count disagrees with their stories", """
                    SELECT COUNT(*) FROM entities e
                    WHERE story_count <> (SELECT COUNT(*) FROM story_entities WHERE entity_key = e.key)
                       OR mention_count <> (SELECT COALESCE(SUM(mentions), 0) FROM story_entities WHERE entity_key = e.key)
                    """),
                ("search rows without a story",
                 "SELECT COUNT(*) FROM story_search_docsize f WHERE NOT EXISTS (SELECT 1 FROM stories WHERE id = f.id)"),
            ]
            for (what, sql) in checks {
                let count = try Int.fetchOne(db, sql: sql) ?? 0
                if count > 0 { problems.append("\(count) \(what)") }
            }
            return problems
        }
    }

    /// Refuses, without changing a byte, a file at `path` that is not an empty file or a Brief cache
    /// this build understands.
    /// `location` is what SQLite opens (a `file:` URI for a read-only cache).
    private static func vetExistingFile(at path: String, opening location: String? = nil) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue { throw StoreError.cannotOpen(path: path, reason: "it is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.cannotOpen(path: path, reason: "permission denied")
        }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        if header.isEmpty { return }  // SQLite treats an empty file as an empty database: nothing to lose.
        guard header.count == 100, header.starts(with: Data("SQLite format 3\0".utf8)) else {
            throw StoreError.notADatabase(path: path)
        }
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: location ?? path, configuration: configuration)
            defer { try? queue.close() }
            try queue.read { db in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                // GRDB's own bookkeeping table is created first, so a cache another Brief is creating right now
                // may hold only that.
                let objects = try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM sqlite_master WHERE name NOT IN ('grdb_migrations', 'sqlite_autoindex_grdb_migrations_1')
                    """) ?? 0
                if applicationID != CacheSchema.applicationID {
                    let recorded = try db.tableExists("grdb_migrations")
                        ? try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations") ?? 0 : 0
                    if objects == 0 && recorded == 0 { return }  // an empty database: ours to initialise
                    throw StoreError.foreignDatabase(path: path)
                }
                guard try db.tableExists("grdb_migrations") else { return }
                let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                let known = Set(CacheSchema.migrator.migrations)
                let unknown = applied.filter { !known.contains($0) }.sorted()
                if !unknown.isEmpty { throw StoreError.newerSchema(path: path, unknown: unknown) }
            }
        } catch let error as DatabaseError where error.resultCode != .SQLITE_BUSY && error.resultCode != .SQLITE_LOCKED {
            throw openError(error, path: path)
        }
    }

    private static func openError(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: .notADatabase(path: path)
        // Another process held the write lock for the whole busy timeout (10 s: a stuck writer, not an import).
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            .cannotOpen(path: path, reason: "busy: another program is writing to it; try again")
        default: .cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }
}
