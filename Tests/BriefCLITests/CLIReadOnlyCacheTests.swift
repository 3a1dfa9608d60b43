import Foundation
import Testing

/// Issue 13: a read-only cache (mode 0444, or in a read-only directory) can be read and is never changed.
@Suite("brief on a read-only cache: reads work, writes are one line, no stray files")
struct CLIReadOnlyCacheTests {
    private static func names(in dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    private static func cleanUp(_ dir: URL) {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        try? FileManager.default.removeItem(at: dir)
    }

    /// Runs list, show, count, entities and entity on `db` and checks what they print.
    private static func reads(_ db: String, ids: [String: Int]) async throws {
        let list = try await BriefProcess.run(["list", "--db", db])
        #expect(list.status == 0 && list.stdout.contains("Ferry talks resume between island states"), "\(list.stderr)")
        let ferry = try #require(ids["Ferry talks resume between island states"])
        let show = try await BriefProcess.run(["show", "\(ferry)", "--db", db])
        #expect(show.status == 0 && show.stdout.contains("shared ferry timetable"), "\(show.stderr)")
        let count = try await BriefProcess.run(["count", "--db", db])
        #expect(count.status == 0 && count.stdout == "3\n", "\(count.stderr)")
        let entities = try #require(try CLIFixtures.json(try await BriefProcess.run(["entities", "--json", "--db", db]).stdout)
            as? [[String: Any]])
        let key = try #require(entities.first?["key"] as? String)
        let entity = try await BriefProcess.run(["entity", key, "--db", db])
        #expect(entity.status == 0 && !entity.stdout.isEmpty, "\(entity.stderr)")
    }

    @Test("list, show, count and entity read a 0444 cache and leave no -wal or -shm beside it")
    func readsReadOnlyFile() async throws {
        let (dir, db, ids) = try await DailyFixtures.cache()
        defer { Self.cleanUp(dir) }
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        let before = try Self.names(in: dir)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: db))
        try await Self.reads(db, ids: ids)
        #expect(try Self.names(in: dir) == before)
        #expect(!before.contains("brief.sqlite-wal") && !before.contains("brief.sqlite-shm"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == bytes)
    }

    @Test("A cache in a read-only directory is read without creating a file there")
    func readsInReadOnlyDirectory() async throws {
        let (dir, db, ids) = try await DailyFixtures.cache()
        defer { Self.cleanUp(dir) }
        let before = try Self.names(in: dir)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
        try await Self.reads(db, ids: ids)
        #expect(try Self.names(in: dir) == before)
    }

    @Test("mark, star, import and prune on a read-only cache say so in one line, exit 1, and change nothing")
    func writesRefused() async throws {
        let (dir, db, ids) = try await DailyFixtures.cache()
        defer { Self.cleanUp(dir) }
        let ferry = try #require(ids["Ferry talks resume between island states"])
        let feed = dir.appendingPathComponent("more.xml")
        try Data(DailyFixtures.ministryFeed.utf8).write(to: feed)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        let before = try Self.names(in: dir)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: db))
        let commands: [(String, [String])] = [
            ("mark", ["mark", "read", "\(ferry)"]), ("mark", ["mark", "unread", "--all"]), ("star", ["star", "\(ferry)"]),
            ("unstar", ["unstar", "\(ferry)"]), ("import", ["import", feed.path]),
            ("prune", ["prune", "--older-than", "1d"]),
        ]
        for (name, args) in commands {
            let result = try await BriefProcess.run(args + ["--db", db])
            #expect(result.status == 1, "\(args)")
            #expect(result.stderr == "brief: \(name): the cache \(db) is read-only; nothing was changed\n", "\(args)")
        }
        #expect(try Self.names(in: dir) == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == bytes)
        #expect(try await BriefProcess.run(["count", "--unread", "--db", db]).stdout == "3\n")
    }
}
