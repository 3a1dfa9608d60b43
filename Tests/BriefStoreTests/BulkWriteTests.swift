import BriefModel
@testable import BriefStore
import Foundation
import GRDB
import Testing

/// Imports write with SQLite's foreign-key checks off (`Store.bulkWrite`); every other write keeps them.
@Suite("An import's write transaction")
struct BulkWriteTests {
    private struct Refused: Error {}

    /// A row naming a story and an entity that do not exist.
    private static let orphan = """
        INSERT INTO story_entities (story_id, entity_key, position, name, aliases, mentions)
        VALUES (999, 'PER:nobody', 0, '', '', 1)
        """

    private func cache() throws -> (dir: URL, store: Store) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("brief-bulk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return (dir, try Store(path: dir.appendingPathComponent("brief.sqlite").path))
    }

    private func foreignKeysOn(_ store: Store) throws -> Bool {
        try store.writer.write { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") } == true
    }

    @Test("Leaves every reference whole and the checks on afterwards: pruning a story still takes its rows with it")
    func importThenPrune() throws {
        let (dir, store) = try cache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let summit = StoryFixtures.summitStory()
        let items = [
            FeedImportItem(itemID: "a", guid: "a", link: "https://desk.example/a", fingerprint: "fa",
                           story: StoryFixtures.item(summit, text: "summit")),
            // The same link again, in the same transaction: linked to the story above, not stored twice
            FeedImportItem(itemID: "b", guid: nil, link: "https://desk.example/a", fingerprint: "fb",
                           story: StoryFixtures.item(summit, text: "summit, again")),
        ]
        let outcomes = try store.importFeedItems(feedURL: "https://desk.example/feed", items: items)
        #expect(outcomes.map(\.isNew) == [true, false])
        #expect(try store.integrityProblems() == [])
        #expect(try foreignKeysOn(store))

        let id = outcomes[0].id
        _ = try store.setRead(true, ids: [id])
        #expect(try store.pruneStories(before: Date().addingTimeInterval(86_400 * 365 * 100)) == 1)
        // The cascade ran: no entity row, section or feed item of the pruned story is left behind
        let left = try store.writer.read { db in
            try Int.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM story_entities) + (SELECT COUNT(*) FROM sections)
                     + (SELECT COUNT(*) FROM feed_items)
                """)
        }
        #expect(left == 0)
        #expect(try store.integrityProblems() == [])
    }

    @Test("A failed import rolls back and turns the checks back on")
    func failedImport() throws {
        let (dir, store) = try cache()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: Refused.self) {
            try store.bulkWrite { db in
                // Taken without a check: the import's own rows are what it checks
                try db.execute(sql: Self.orphan)
                throw Refused()
            }
        }
        #expect(try foreignKeysOn(store))
        #expect(try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM story_entities") } == 0)
        // The connection is free for the next write, which is checked again
        #expect(throws: DatabaseError.self) {
            try store.writer.write { db in
                try db.execute(sql: Self.orphan)
            }
        }
    }
}
