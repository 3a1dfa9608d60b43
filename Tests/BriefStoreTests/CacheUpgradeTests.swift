import BriefModel
import Foundation
import GRDB
import Testing
@testable import BriefStore

/// A cache written by the first shipped schema (the `v1-cache.sqlite` fixture, made by `brief import` from the
/// stories in `Fixtures/v1-stories`, two of them then marked read: see Fixtures/README.md) must keep working.
@Suite("A cache from an earlier or later Brief")
struct CacheUpgradeTests {
    static let readTitles: Set<String> = ["Lake states sign water-sharing treaty", "Election observers arrive in the capital"]
    static let unreadTitles: Set<String> = ["Harbour strike delays grain ships"]

    /// A private copy of the v1 fixture (the fixture itself is never opened for writing).
    private func copyOfFixture() throws -> (dir: URL, path: String) {
        let fixture = try #require(Bundle.module.url(forResource: "v1-cache", withExtension: "sqlite",
                                                     subdirectory: "Fixtures"))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("brief-upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("brief.sqlite").path
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
        return (dir, path)
    }

    @Test("A cache from the first shipped schema opens in place with its stories and read marks, and reopens")
    func firstSchemaUpgradesInPlace() throws {
        // Given a copy of the v1 cache holding three stories, two of them read
        let (dir, path) = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: dir) }

        // When the current Store opens it (applying any migration added since)
        let store = try Store(path: path)

        // Then every story is there, whole, with its read mark
        let summaries = try store.summaries()
        #expect(Set(summaries.map(\.title)) == Self.readTitles.union(Self.unreadTitles))
        #expect(Set(summaries.filter { $0.readAt != nil }.map(\.title)) == Self.readTitles)
        let harbour = try #require(summaries.first { $0.title == "Harbour strike delays grain ships" })
        let story = try #require(try store.story(id: harbour.id)).story
        #expect(story.sections.compactMap(\.title) == ["At the port", "Talks"])
        #expect(story.sections.flatMap(\.paragraphs).first?.text.hasPrefix("Dockers at the northern harbour") == true)
        #expect(try store.search("treaty").map(\.title) == ["Lake states sign water-sharing treaty"])
        #expect(try store.integrityProblems() == [])

        // And the file now records every migration this build knows, in the same file (upgraded in place)
        let applied = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        #expect(Set(applied) == Set(CacheSchema.migrator.migrations))
        // And a story stored before datelines kept their date reads back with its dateline and no date
        let lake = try #require(summaries.first { $0.title == "Lake states sign water-sharing treaty" })
        #expect(try store.story(id: lake.id)?.story.dateline == Dateline(places: ["KISUMU"], agency: "Brief Wire"))

        // And the upgraded cache keeps working: a new mark persists across reopening
        try store.setRead(true, ids: [harbour.id])
        let reopened = try Store(path: path)
        #expect(try reopened.count(unreadOnly: true) == 0)
        #expect(try reopened.count() == 3)
    }

    @Test("A v1 cache that a newer Brief has migrated further is refused, byte for byte unchanged")
    func newerSchemaFromFixtureRefused() throws {
        // Given the v1 cache after a future Brief added a column and recorded its migration
        let (dir, path) = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "ALTER TABLE stories ADD COLUMN starred INTEGER NOT NULL DEFAULT 0")
                try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v2 starred stories')")
            }
            try queue.writeWithoutTransaction { try $0.checkpoint(.truncate) }
            try queue.close()
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))

        // When this build opens it, twice
        for _ in 0..<2 {
            // Then it refuses, naming the unknown migration, and leaves the file as it was
            #expect(throws: StoreError.newerSchema(path: path, unknown: ["v2 starred stories"])) { try Store(path: path) }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        }
        #expect("\(StoreError.newerSchema(path: path, unknown: ["v2 starred stories"]))"
                .contains("was written by a newer Brief"))
    }

    @Test("A cache cut short (a partial copy) is refused or reported damaged, and never rewritten")
    func truncatedCacheNeverRewritten() throws {
        // Given the v1 cache with its second half missing
        let (dir, path) = try copyOfFixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        let half = whole.prefix(whole.count / 2)
        try half.write(to: URL(fileURLWithPath: path))

        // When the store opens it
        let opened = Result { try Store(path: path) }

        // Then it is refused as not a cache, or, if SQLite can still open it, the damage is reported
        switch opened {
        case .failure(let error):
            #expect(error as? StoreError == .notADatabase(path: path))
        case .success(let store):
            #expect(try !store.integrityProblems().isEmpty)
        }
        // And the bytes on disk are exactly the ones it was given
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == half)
    }
}
