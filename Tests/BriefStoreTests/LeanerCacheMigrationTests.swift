import BriefModel
import BriefTagger
import Foundation
import GRDB
import Testing
@testable import BriefStore

/// The "leaner cache" migration converts a lean cache (paragraphs a table of their own, the original text
/// compressed apart) in place to one body blob per story: every query answers as for the same stories stored
/// fresh, read marks, stars, the sync queue and feeds stay, and the file shrinks.
@Suite("The leaner cache migration")
struct LeanerCacheMigrationTests {
    static var previousMigration: String {
        get throws { try LeanCacheMigrationTests.migration(before: " leaner cache") }
    }

    @Test("A lean cache converts in place, answers every query as the same stories stored fresh, and shrinks")
    func convertedAnswersAsFresh() throws {
        // Given a fresh cache with varied stories (one long enough that its paragraphs lie past the first look),
        // marks, a star, a feed and a queued sync mark
        let dir = try LeanCacheMigrationTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (fresh, freshPath, oldPath) = try LeanCacheMigrationTests.freshAndOld(
            in: dir, more: [Self.longStory()] + (0..<300).map { LeanCacheMigrationTests.numberedStory($0) },
            upTo: try Self.previousMigration)

        try #require(try DatabaseQueue(path: oldPath).read { try $0.tableExists("paragraphs") })
        let before = try Self.fileSize(oldPath)

        // When the current Store opens the old cache
        let migrated = try Store(path: oldPath)

        // Then every query answers as on the fresh cache
        try LeanCacheMigrationTests.expectSameAnswers(migrated, fresh, stories: 305)
        let long = try #require(try fresh.summaries().first { $0.title == "A long day of talks" })
        let page = try migrated.stories(mentioning: "PER:ines-moreau")
        #expect(page == (try fresh.stories(mentioning: "PER:ines-moreau")))
        #expect(page.first { $0.summary.id == long.id }?.paragraph.hasPrefix("Round 90:") == true)
        #expect(try migrated.integrityProblems() == [])
        let shape = try DatabaseQueue(path: oldPath).read { db in
            (try db.tableExists("paragraphs"),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stories WHERE body IS NULL OR original_text <> ''"),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM story_entities WHERE name = ''"))
        }
        #expect(shape.0 == false && shape.1 == 0)
        #expect((shape.2 ?? 0) > 300)
        // And the sync queue, feeds and feed items are as they were
        for table in ["sync_queue", "sync_account", "feeds", "feed_items"] {
            #expect(try LeanCacheMigrationTests.rows(of: table, at: oldPath)
                    == LeanCacheMigrationTests.rows(of: table, at: freshPath), "\(table)")
        }
        // And the file gave its freed pages back (the conversion compacts it)
        #expect(try Self.fileSize(oldPath) < before)
        #expect(try DatabaseQueue(path: oldPath).read { try Int.fetchOne($0, sql: "PRAGMA freelist_count") } == 0)

        // And the converted cache keeps working: a re-sectioned story is searchable under its new words only
        try LeanCacheMigrationTests.expectResectioningWorks(migrated)
    }

    @Test("A conversion cut off at random moments leaves the lean cache as it was; the next open converts it whole")
    func interruptedConversionRollsBack() throws {
        // Given a lean cache of a few hundred stories (so the conversion takes a while), and the same fresh
        let dir = try LeanCacheMigrationTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (fresh, _, template) = try LeanCacheMigrationTests.freshAndOld(
            in: dir, more: (0..<600).map { LeanCacheMigrationTests.numberedStory($0) }, upTo: try Self.previousMigration)

        // When its conversion is interrupted at random moments, then the cache is either as it was or wholly
        // converted, never between (each migration is its own transaction: a cut in a later one leaves this one
        // done); and the next open converts it, and it answers as the fresh cache
        let cut = try LeanCacheMigrationTests.cutTrials(of: template, in: dir, answering: fresh, stories: 604) { path, converted in
            let shape = try DatabaseQueue(path: path).read { db in
                (try db.tableExists("paragraphs"),
                 try Row.fetchAll(db, sql: "PRAGMA table_info(stories)").contains { $0["name"] == "body" },
                 try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").contains { $0.hasSuffix(" leaner cache") })
            }
            #expect(shape == (false, true, true) || shape == (true, false, false), "\(path)")
            if converted { #expect(shape == (false, true, true), "\(path)") }
        }
        // At least one cut fell inside the conversion (a trial that finished first proves nothing).
        #expect(cut > 0)
    }

    @Test("A story body reads back whole: sections, paragraphs, mentions columns and the original; damage is refused")
    func bodyRoundTrip() throws {
        // Given sections with odd text (separators, digits, Unicode), an empty title, and a long original
        let parts = [
            StoryBody.Part(title: nil, paragraphs: [.init(text: "S3:P4:M; Zürich 🇨🇭", mentions: "0,6,LOC,0")]),
            StoryBody.Part(title: "", paragraphs: []),
            StoryBody.Part(title: "Round two", paragraphs: (0..<200).map {
                .init(text: "Paragraph \($0) of the talks in Tromsø, where ministers met again.", mentions: nil)
            }),
        ]
        let original = (0..<200).map { "Line \($0): talks in Tromsø.\r\n" }.joined()
        let blob = StoryBody.encode(sections: parts, original: original)

        // Then it decodes to the same, far smaller than its text
        let contents = try #require(StoryBody.decode(blob))
        #expect(contents.sections == parts.map(\.paragraphs))
        #expect(contents.original == original)
        #expect(blob.count * 4 < original.utf8.count)
        // And a paragraph comes back by its place in reading order, near the start or far past the first look
        #expect(StoryBody.paragraph(blob, at: 0) == "S3:P4:M; Zürich 🇨🇭")
        #expect(StoryBody.paragraph(blob, at: 200) == "Paragraph 199 of the talks in Tromsø, where ministers met again.")
        #expect(StoryBody.paragraph(blob, at: 201) == nil)
        // And the search text is the titles and paragraphs, one a line
        let lines = try #require(StoryBody.searchText(blob)).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 202 && lines[1] == "Round two")
        #expect(StoryBody.turn(blob, section: 2)?.before == 1)
        // And a damaged blob is refused, never a trap
        #expect(StoryBody.decode(blob.prefix(40)) == nil)
        #expect(StoryBody.decode(Data([9, 0, 0, 0, 1, 2, 3])) == nil)
        #expect(StoryBody.paragraph(Data([1, 2]), at: 0) == nil)
        #expect(StoryBody.encode(sections: [], original: "") != Data())
        #expect(StoryBody.decode(StoryBody.encode(sections: [], original: "")) == StoryBody.Contents(sections: [], original: ""))
    }

    // MARK: - Fixtures

    /// A story of 120 paragraphs whose first mention of Inès Moreau is in paragraph 90 (past the first look).
    static func longStory() -> ImportItem {
        var paragraphs: [Paragraph] = []
        for round in 0..<120 {
            let text = "Round \(round): delegations from the Grain Board met in Tromsø and talked until late."
            paragraphs.append(Paragraph(text: round == 90 ? "Round 90: Inès Moreau spoke." : text, mentions: round == 90
                ? [Mention(start: 10, end: 21, type: .person, text: "Inès Moreau", entity: "PER:ines-moreau")] : []))
        }
        let story = Story(title: "A long day of talks",
                          sections: [Section(kind: .lede, paragraphs: [paragraphs[0]]),
                                     Section(kind: .body, title: "Rounds", paragraphs: Array(paragraphs.dropFirst()))],
                          entities: [Entity(key: "PER:ines-moreau", name: "Inès Moreau", type: .person, mentions: 1)])
        return StoryFixtures.item(story, published: StoryFixtures.date("2026-11-05T08:00:00Z"))
    }

    static func fileSize(_ path: String) throws -> Int64 {
        try [path, path + "-wal"].reduce(0) { total, file in
            guard FileManager.default.fileExists(atPath: file) else { return total }
            return total + ((try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int64) ?? 0)
        }
    }
}
