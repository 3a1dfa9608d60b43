@testable import BriefStore
import Foundation
import GRDB
import Testing

/// The writer's checkpoints (`WALCheckpoints`): SQLite's rule after an ordinary commit, left to the caller after a
/// deferred one. A checkpoint is seen in the cache file itself: in WAL mode only a checkpoint writes pages there.
@Suite("WAL checkpoints")
struct WALCheckpointsTests {
    /// A pool on a fresh file whose writer checkpoints by `checkpoints`, with a table of 8 KB rows (two 4 KB pages
    /// each, and more for the index-free table's interior pages).
    private func pool(_ checkpoints: WALCheckpoints) throws -> (dir: URL, file: String, pool: DatabasePool) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("brief-wal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("cache.sqlite").path
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            if !db.configuration.readonly { checkpoints.install(on: db) }
        }
        let pool = try DatabasePool(path: file, configuration: configuration)
        try pool.write { db in try db.execute(sql: "CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB)") }
        // The table's creation went to the log and, below the threshold, stays there.
        try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        return (dir, file, pool)
    }

    /// A fresh directory and the cache file's path in it.
    private static func cacheFile() throws -> (dir: URL, file: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("brief-wal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return (dir, dir.appendingPathComponent("brief.sqlite").path)
    }

    private func fileSize(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1
    }

    /// Writes `rows` rows of 8 KB in one transaction, its commit deferred or not.
    private func write(_ rows: Int, to pool: DatabasePool, _ checkpoints: WALCheckpoints, deferring: Bool) throws {
        try pool.writeWithoutTransaction { db in
            try db.beginTransaction()
            for _ in 0..<rows {
                try db.execute(sql: "INSERT INTO blobs (data) VALUES (zeroblob(8192))")
            }
            if deferring { try checkpoints.deferring { try db.commit() } } else { try db.commit() }
        }
    }

    @Test("An ordinary commit that fills the log past the threshold checkpoints before it returns")
    func ordinaryCommit() throws {
        let checkpoints = WALCheckpoints(threshold: 20)
        let (dir, file, pool) = try pool(checkpoints)
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try fileSize(file)
        try write(2, to: pool, checkpoints, deferring: false)
        #expect(try fileSize(file) == before, "below the threshold the pages stay in the log")
        try write(20, to: pool, checkpoints, deferring: false)
        #expect(try fileSize(file) >= before + 22 * 8192, "the commit past the threshold copied the log into the file")
        #expect(checkpoints.takeDue() == nil, "nothing was left to the caller")
    }

    @Test("A deferred commit leaves the checkpoint to checkpointIfDue, and only when the log is past the threshold")
    func deferredCommit() throws {
        let checkpoints = WALCheckpoints(threshold: 20)
        let (dir, file, pool) = try pool(checkpoints)
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try fileSize(file)
        try write(2, to: pool, checkpoints, deferring: true)
        #expect(checkpoints.takeDue() == nil, "a small log is not due")
        try write(20, to: pool, checkpoints, deferring: true)
        #expect(try fileSize(file) == before, "the deferred commit did not checkpoint")
        #expect((checkpoints.takeDue() ?? 0) >= 20, "due, with the log's size")
        #expect(checkpoints.takeDue() == nil, "taking it forgets it")
        // Deferral ends with the commit: the next ordinary commit checkpoints the whole log itself.
        try write(1, to: pool, checkpoints, deferring: false)
        #expect(try fileSize(file) >= before + 23 * 8192)
    }

    @Test("Store.checkpointIfDue checkpoints what a deferred import left, and nothing when nothing is due")
    func storeCheckpoint() throws {
        let (dir, file) = try Self.cacheFile()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store(path: file)
        let before = try fileSize(file)
        store.checkpointIfDue()
        #expect(try fileSize(file) == before, "nothing was due")
        // 1,100 pages of 16 KB in one deferred transaction, past SQLite's 1,000-page threshold.
        try store.bulkWrite(deferringCheckpoint: true) { db in
            try db.execute(sql: "CREATE TABLE filler (data BLOB)")
            for _ in 0..<550 { try db.execute(sql: "INSERT INTO filler (data) VALUES (zeroblob(30000))") }
        }
        #expect(try fileSize(file) == before, "the deferred commit left the pages in the log")
        store.checkpointIfDue()
        store.background?.wait()
        #expect(try fileSize(file) >= before + 550 * 30000, "checkpointIfDue copied them into the file")
        #expect(store.background?.completed == 1, "beside the writer")
    }

    @Test("Copied beside a writer that never pauses, the log grows no longer than three chunks")
    func logStaysBounded() throws {
        let (dir, file) = try Self.cacheFile()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store(path: file, checkpoints: WALCheckpoints(threshold: 20, backgroundRounds: 2))
        try store.bulkWrite { db in try db.execute(sql: "CREATE TABLE filler (data BLOB)") }
        // 40 chunks of about 26 pages of 16 KB each, written back to back: 1,040 pages in all.
        for _ in 0..<40 {
            try store.bulkWrite(deferringCheckpoint: true) { db in
                for _ in 0..<13 { try db.execute(sql: "INSERT INTO filler (data) VALUES (zeroblob(30000))") }
            }
            store.checkpointIfDue()
        }
        let log = try fileSize(file + "-wal")
        #expect(log > 0 && log <= 4 * 26 * 16_440, "the log started over: \(log) bytes")
        #expect((store.background?.completed ?? 0) > 0, "some copies ran beside the writer")
        #expect(try store.bulkWrite { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM filler") } == 520)
    }
}
