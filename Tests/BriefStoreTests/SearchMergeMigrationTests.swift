import Foundation
import GRDB
import Testing
@testable import BriefStore

/// The "search merges" migration has FTS5 merge the search index's segments eight at a time: set on a fresh cache and
/// on one converted, and searches answer as before.
@Suite("The search merges migration")
struct SearchMergeMigrationTests {
    /// The search index's `automerge` setting as stored in the file (none: FTS5's default, 4).
    private static func automerge(at path: String) throws -> Int? {
        try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT v FROM story_search_config WHERE k = 'automerge'")
        }
    }

    @Test("A fresh cache and a converted one merge search segments eight at a time, and search as before")
    func mergesEightAtATime() throws {
        // Given a fresh cache of stories, and a copy of it as the migration found it (FTS5's default setting)
        let dir = try LeanCacheMigrationTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let freshPath = dir.appendingPathComponent("fresh.sqlite").path
        let oldPath = dir.appendingPathComponent("old.sqlite").path
        let fresh = try Store(path: freshPath)
        try LeanCacheMigrationTests.fill(fresh)
        _ = try fresh.importStories((0..<40).map { LeanCacheMigrationTests.numberedStory($0) })
        #expect(try Self.automerge(at: freshPath) == 8)
        try DatabaseQueue(path: freshPath).writeWithoutTransaction { db in
            try db.execute(sql: "VACUUM INTO ?", arguments: [oldPath])
        }
        try DatabaseQueue(path: oldPath).write { db in
            try db.execute(sql: """
                DELETE FROM story_search_config WHERE k = 'automerge';
                DELETE FROM grdb_migrations WHERE identifier LIKE '% search merges';
                """)
        }
        #expect(try Self.automerge(at: oldPath) == nil)

        // When the current Store opens the old cache
        let migrated = try Store(path: oldPath)

        // Then its index merges eight at a time too, and every query answers as on the fresh cache
        #expect(try Self.automerge(at: oldPath) == 8)
        try LeanCacheMigrationTests.expectSameAnswers(migrated, fresh, stories: 44)
        #expect(try migrated.integrityProblems() == [])
    }
}
