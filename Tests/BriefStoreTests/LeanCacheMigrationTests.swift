import BriefModel
import BriefTagger
import Foundation
import GRDB
import Testing
@testable import BriefStore

/// The "lean cache" migration converts a cache of the shape before it (mentions one row each, the search index
/// holding its own copy of the text) in place: every query answers as for the same stories stored fresh, and read
/// marks, stars, the sync queue and feeds stay.
@Suite("The lean cache migration")
struct LeanCacheMigrationTests {
    /// The migration just before the lean cache's, whatever its number.
    static var previousMigration: String {
        get throws {
            let all = CacheSchema.migrator.migrations
            let lean = try #require(all.firstIndex { $0.hasSuffix(" lean cache") })
            return all[lean - 1]
        }
    }

    @Test("A cache of the shape before converts in place and answers every query as the same stories stored fresh")
    func migratedAnswersAsFresh() throws {
        // Given a fresh cache with varied stories, marks, a star, a feed and a queued sync mark
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("brief-lean-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let freshPath = dir.appendingPathComponent("fresh.sqlite").path
        let oldPath = dir.appendingPathComponent("old.sqlite").path
        let fresh = try Store(path: freshPath)
        try Self.fill(fresh)

        // And the same content written in the shape before the migration
        try Self.writeOldShape(of: freshPath, to: oldPath)
        try #require(try DatabaseQueue(path: oldPath).read { try $0.tableExists("mentions") })

        // When the current Store opens the old cache
        let migrated = try Store(path: oldPath)

        // Then every query answers as on the fresh cache
        try Self.expectSameAnswers(migrated, fresh)
        #expect(try migrated.integrityProblems() == [])
        let tables = try DatabaseQueue(path: oldPath).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        #expect(!tables.contains("mentions"))
        #expect(!tables.contains("story_search_content"))
        // And the sync queue, feeds and feed items are as they were
        for table in ["sync_queue", "sync_account", "feeds", "feed_items"] {
            #expect(try Self.rows(of: table, at: oldPath) == Self.rows(of: table, at: freshPath), "\(table)")
        }

        // And the converted cache keeps working: a re-sectioned story is searchable under its new words only
        let summit = try #require(try migrated.summaries().first { $0.title == "Ministers meet before the summit" })
        var changed = try #require(try migrated.story(id: summit.id)).story
        changed.sections[0].paragraphs[0].text = "Sergei Lavrov spoke of the alliance."
        changed.sections[0].paragraphs[0].mentions.removeLast()
        try migrated.replaceSectioning(id: summit.id, with: changed)
        #expect(try migrated.search("alliance spoke").map(\.id) == [summit.id])
        #expect(try migrated.search("envoys").map(\.id) == [summit.id])
        #expect(try migrated.search("listen").isEmpty)
        #expect(try migrated.integrityProblems() == [])
    }

    @Test("A paragraph's mentions read back whole from their column: odd text, keys without a row, damage")
    func columnRoundTrip() {
        let text = "Zürich; Ève Dupont, of the \"Bundesrat\" 🇨🇭 said"
        let scalars = Array(text.unicodeScalars)
        func offset(_ word: String) -> Int {
            let wanted = Array(word.unicodeScalars)
            return (0...(scalars.count - wanted.count)).first { Array(scalars[$0..<($0 + wanted.count)]) == wanted } ?? -1
        }
        let mentions = [
            Mention(start: offset("Ève Dupont"), end: offset("Ève Dupont") + 10, type: .person, text: "Ève Dupont",
                    entity: "PER:eve-dupont"),
            Mention(start: 0, end: 6, type: .place, text: "Zürich", entity: "LOC:zurich"),
            // Text that is not the paragraph's at those offsets, and a key with no entity row holding separators.
            Mention(start: offset("Bundesrat"), end: offset("Bundesrat") + 9, type: .organisation, text: "Federal; Council,",
                    entity: "ORG:odd;key,1:2"),
        ]
        let column = ParagraphMentions.encode(mentions, in: text, positions: ["PER:eve-dupont": 1, "LOC:zurich": 0])
        let decoded = ParagraphMentions.decode(column, in: text, keys: [0: "LOC:zurich", 1: "PER:eve-dupont"])
        // In reading order (by start), each whole
        #expect(decoded == [mentions[1], mentions[0], mentions[2]])
        #expect(ParagraphMentions.encode([], in: text, positions: [:]) == nil)
        #expect(ParagraphMentions.decode(nil, in: text, keys: [:]).isEmpty)
        // A damaged column gives the entries before the damage, and never traps
        let cut = String(column?.prefix(14) ?? "")
        #expect(ParagraphMentions.decode(cut, in: text, keys: [0: "LOC:zurich", 1: "PER:eve-dupont"]) == [mentions[1]])
        #expect(ParagraphMentions.decode("9,99999,PER,7:short", in: text, keys: [:]).isEmpty)
    }

    // MARK: - Fixtures

    /// Stories of every kind the queries distinguish, two read, one starred, one from a feed with a queued mark.
    static func fill(_ store: Store) throws {
        let text = "In Zürich, Ève Dupont of the Bundesrat met Lavrov 🇨🇭 and NATO."
        let scalars = Array(text.unicodeScalars)
        func mention(_ word: String, _ type: EntityType, _ key: String) -> Mention {
            let wanted = Array(word.unicodeScalars)
            let start = (0...(scalars.count - wanted.count)).first { Array(scalars[$0..<($0 + wanted.count)]) == wanted } ?? 0
            return Mention(start: start, end: start + wanted.count, type: type, text: word, entity: key)
        }
        let zurich = Story(
            title: "Zürich talks end",
            sections: [
                Section(kind: .lede, paragraphs: [Paragraph(text: text, mentions: [
                    mention("NATO", .organisation, StoryFixtures.nato.key),
                    mention("Zürich", .place, "LOC:zurich"), mention("Ève Dupont", .person, "PER:eve-dupont"),
                    mention("Bundesrat", .organisation, "ORG:bundesrat"), mention("Lavrov", .person, "PER:lavrov"),
                ])]),
                Section(kind: .body, title: "Back in Zürich", paragraphs: [
                    Paragraph(text: "Dupont spoke; Zürich listened.", mentions: [
                        Mention(start: 0, end: 6, type: .person, text: "Dupont", entity: "PER:eve-dupont"),
                        Mention(start: 14, end: 20, type: .place, text: "Zürich", entity: "LOC:zurich"),
                    ]),
                ], speaker: "Ève Dupont", speakerEntity: "PER:eve-dupont"),
            ],
            quotes: [Quote(text: "We listened", speaker: "Ève Dupont", speakerEntity: "PER:eve-dupont", paragraph: 1)],
            entities: [
                Entity(key: "PER:eve-dupont", name: "Ève Dupont", type: .person, aliases: ["Dupont"], mentions: 2),
                Entity(key: "LOC:zurich", name: "Zürich", type: .place, mentions: 2),
                Entity(key: "ORG:bundesrat", name: "Bundesrat", type: .organisation, mentions: 1),
                Entity(key: "PER:lavrov", name: "Lavrov", type: .person, mentions: 1),
                // Named in the headline only: on no entity page.
                Entity(key: "ORG:headline-only", name: "Council", type: .organisation, mentions: 0),
            ])
        let ids = try store.importStories([
            StoryFixtures.item(StoryFixtures.summitStory(), published: StoryFixtures.date("2026-11-01T08:00:00Z")),
            StoryFixtures.item(zurich, published: StoryFixtures.date("2026-11-02T08:00:00Z")),
            StoryFixtures.item(StoryFixtures.plainStory(title: "Harbour strike", text: "Dockers stopped work."),
                               published: StoryFixtures.date("2026-11-03T08:00:00Z")),
        ]).map(\.id)
        let feed = "http://127.0.0.1:9/feed.xml"
        _ = try store.addFeed(url: feed, title: "Wire")
        let fed = StoryFixtures.plainStory(title: "Grain ships wait", text: "Ships wait off the coast of Odesa.")
        _ = try store.importFeedItems(feedURL: feed, items: [
            FeedImportItem(itemID: "grain-1", guid: "grain-1", link: "https://example.org/grain", fingerprint: "f1",
                           story: StoryFixtures.item(fed, published: StoryFixtures.date("2026-11-04T08:00:00Z"))),
        ])
        try store.setRead(true, ids: [ids[0], ids[2]])
        try store.setStarred(true, ids: [ids[1]])
        try DatabaseQueue(path: try #require(store.path)).write { db in
            try db.execute(sql: """
                INSERT INTO sync_account (id, kind, url, user, added_at) VALUES (1, 'fever', 'http://127.0.0.1:9/', 'ada',
                    '2026-11-04 09:00:00.000');
                INSERT INTO sync_queue (story_id, field, value, queued_at)
                SELECT story_id, 'read', 1, '2026-11-04 09:00:00.000' FROM feed_items;
                """)
        }
    }

    /// Writes, at `oldPath`, the cache at `freshPath` as the schema before the lean cache kept it: the same rows, one
    /// mention row per mention, no first mentions, and the search index holding the text.
    static func writeOldShape(of freshPath: String, to oldPath: String) throws {
        let fresh = try Store(path: freshPath)
        let queue = try DatabaseQueue(path: oldPath)
        try CacheSchema.migrator.migrate(queue, upTo: try previousMigration)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS fresh", arguments: [freshPath])
        }
        try queue.write { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                  AND name NOT LIKE 'story_search%' AND name NOT IN ('grdb_migrations', 'mentions')
                """)
            for table in tables {
                let old = Set(try Row.fetchAll(db, sql: "PRAGMA main.table_info(\(table))").map { $0["name"] as String })
                let columns = try Row.fetchAll(db, sql: "PRAGMA fresh.table_info(\(table))").map { $0["name"] as String }
                    .filter(old.contains).map { "\"\($0)\"" }.joined(separator: ", ")
                try db.execute(sql: "INSERT INTO main.\(table) (\(columns)) SELECT \(columns) FROM fresh.\(table)")
            }
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM main.stories ORDER BY id") {
                let story = try #require(try fresh.story(id: id)).story
                let paragraphIDs = try Int64.fetchAll(db, sql: """
                    SELECT p.id FROM main.paragraphs p JOIN main.sections c ON c.id = p.section_id
                    WHERE p.story_id = ? ORDER BY c.position, p.position
                    """, arguments: [id])
                for (paragraphID, paragraph) in zip(paragraphIDs, story.sections.flatMap(\.paragraphs)) {
                    for mention in paragraph.mentions {
                        try db.execute(sql: """
                            INSERT INTO main.mentions (paragraph_id, story_id, start, "end", type, entity_key, text)
                            VALUES (?, ?, ?, ?, ?, ?, ?)
                            """, arguments: [paragraphID, id, mention.start, mention.end, mention.type.rawValue,
                                             mention.entity, mention.text])
                    }
                }
                var lines: [String] = []
                for section in story.sections {
                    if let title = section.title { lines.append(title) }
                    lines += section.paragraphs.map(\.text)
                }
                try db.execute(sql: "INSERT INTO main.story_search (rowid, title, text) VALUES (?, ?, ?)",
                               arguments: [id, story.title, lines.joined(separator: "\n")])
            }
        }
        try queue.writeWithoutTransaction { try $0.execute(sql: "DETACH DATABASE fresh") }
        try queue.close()
    }

    static func expectSameAnswers(_ migrated: Store, _ fresh: Store) throws {
        let summaries = try fresh.summaries()
        #expect(summaries.count == 4)
        #expect(try migrated.summaries() == summaries)
        #expect(try migrated.summaries(StoryFilter(unreadOnly: true)) == fresh.summaries(StoryFilter(unreadOnly: true)))
        #expect(try migrated.summaries(StoryFilter(starredOnly: true)).map(\.title) == ["Zürich talks end"])
        for summary in summaries {
            let story = try migrated.story(id: summary.id)
            #expect(story == (try fresh.story(id: summary.id)), "\(summary.title)")
            #expect(try migrated.originalText(id: summary.id) == fresh.originalText(id: summary.id))
        }
        let entities = try fresh.entities()
        #expect(entities.contains { $0.key == "PER:eve-dupont" })
        #expect(try migrated.entities() == entities)
        for entity in entities {
            let pages = try fresh.stories(mentioning: entity.key)
            #expect(try migrated.stories(mentioning: entity.key) == pages, "\(entity.key)")
            #expect(try migrated.storyEntities(key: entity.key, storyIDs: summaries.map(\.id))
                    == fresh.storyEntities(key: entity.key, storyIDs: summaries.map(\.id)))
        }
        #expect(try fresh.stories(mentioning: "ORG:headline-only").isEmpty)
        #expect(try fresh.stories(mentioning: "PER:eve-dupont").first?.paragraph.hasPrefix("In Zürich") == true)
        for query in ["NATO", "Zürich", "zurich", "listened", "Back", "envoys Moscow", "Odesa", "strike", "nothing"] {
            #expect(try migrated.search(query) == fresh.search(query), "\(query)")
            #expect(try migrated.search(query, unreadOnly: true) == fresh.search(query, unreadOnly: true), "\(query)")
        }
        #expect(try migrated.quotes() == fresh.quotes())
        #expect(try migrated.quotes(speakerEntity: "PER:eve-dupont", turns: true)
                == fresh.quotes(speakerEntity: "PER:eve-dupont", turns: true))
        #expect(try migrated.count() == fresh.count() && migrated.count(unreadOnly: true) == fresh.count(unreadOnly: true))
        #expect(try migrated.starredIDs() == fresh.starredIDs())
    }

    static func rows(of table: String, at path: String) throws -> [[String]] {
        try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2").map { row in
                row.databaseValues.map { $0.description }
            }
        }
    }
}
