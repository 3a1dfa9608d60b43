import BriefModel
import BriefTagger
import Foundation
import GRDB
import Synchronization
import Testing
@testable import BriefStore

/// The "lean cache" migration converts a cache of the shape before it (mentions one row each, the search index
/// holding its own copy of the text) in place: every query answers as for the same stories stored fresh, and read
/// marks, stars, the sync queue and feeds stay.
@Suite("The lean cache migration")
struct LeanCacheMigrationTests {
    /// The migration just before the lean cache's, whatever its number.
    static var previousMigration: String {
        get throws { try migration(before: " lean cache") }
    }

    /// The migration just before the one whose name ends in `suffix`.
    static func migration(before suffix: String) throws -> String {
        let all = CacheSchema.migrator.migrations
        let index = try #require(all.firstIndex { $0.hasSuffix(suffix) })
        return all[index - 1]
    }

    /// In `dir`: a fresh cache filled (`fill`) with `more` stories besides, and a copy of it in the shape of the
    /// schema up to `migration` (`writeShape`).
    static func freshAndOld(in dir: URL, more: [ImportItem] = [], upTo migration: String) throws
        -> (fresh: Store, freshPath: String, oldPath: String) {
        let freshPath = dir.appendingPathComponent("fresh.sqlite").path
        let oldPath = dir.appendingPathComponent("old.sqlite").path
        let fresh = try Store(path: freshPath)
        try fill(fresh)
        if !more.isEmpty { _ = try fresh.importStories(more) }
        try writeShape(of: freshPath, to: oldPath, upTo: migration)
        return (fresh, freshPath, oldPath)
    }

    @Test("A cache of the shape before converts in place and answers every query as the same stories stored fresh")
    func migratedAnswersAsFresh() throws {
        // Given a fresh cache with varied stories, marks, a star, a feed and a queued sync mark
        let dir = try Self.temporaryDirectory()
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
        try Self.expectResectioningWorks(migrated)
    }

    @Test("A conversion cut off at random moments leaves the cache as it was; the next open converts it whole")
    func interruptedConversionRollsBack() throws {
        // Given an old-shape cache of a few hundred stories (so the conversion takes a while), and the same fresh
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let freshPath = dir.appendingPathComponent("fresh.sqlite").path
        let template = dir.appendingPathComponent("template.sqlite").path
        let fresh = try Store(path: freshPath)
        try Self.fill(fresh)
        _ = try fresh.importStories((0..<400).map { Self.numberedStory($0) })
        try Self.writeOldShape(of: freshPath, to: template)

        // When its conversion is interrupted at random moments, then the cache is either as it was or wholly
        // converted, never between (each migration is its own transaction: a cut between this one and the next
        // leaves this one done); and the next open converts it, and it answers as the fresh cache
        let cut = try Self.cutTrials(of: template, in: dir, answering: fresh, stories: 404) { path, converted in
            let shape = try DatabaseQueue(path: path).read { db in
                (try db.tableExists("mentions"),
                 try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").contains { $0.hasSuffix(" lean cache") })
            }
            #expect(shape.0 != shape.1, "\(path)")
            if converted { #expect(shape == (false, true), "\(path)") }
        }
        // At least one cut fell inside the conversion (a trial that finished first proves nothing).
        #expect(cut > 0)
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
        let rows = ["PER:eve-dupont": 1, "LOC:zurich": 0]
        let column = ParagraphMentions.encode(mentions, in: text) { rows[mentions[$0].entity] }
        let decoded = ParagraphMentions.decode(column, in: text, keys: [0: "LOC:zurich", 1: "PER:eve-dupont"])
        // The format the migration writes too: the text only where it is not the paragraph's
        #expect(column == "0,6,LOC,0;8,18,PER,1;28,37,ORG,15:ORG:odd;key,1:2,17:Federal; Council,")
        // In reading order (by start), each whole
        #expect(decoded == [mentions[1], mentions[0], mentions[2]])
        #expect(ParagraphMentions.encode([], in: text) { _ in 0 } == nil)
        #expect(ParagraphMentions.decode(nil, in: text, keys: [:]).isEmpty)
        // Entries out of order, past the two-scalar flag and past the end each read the paragraph's own scalars
        let flag = offset("🇨🇭")
        let odd = ParagraphMentions.decode("\(flag + 3),\(flag + 7),LOC,0;0,6,LOC,0;\(flag + 5),999,LOC,0;9,9,LOC,0",
                                           in: text, keys: [0: "LOC:zurich"])
        #expect(odd.map(\.text) == ["said", "Zürich", "id", ""])
        // A damaged column gives the entries before the damage, and never traps
        let cut = String(column?.prefix(14) ?? "")
        #expect(ParagraphMentions.decode(cut, in: text, keys: [0: "LOC:zurich", 1: "PER:eve-dupont"]) == [mentions[1]])
        #expect(ParagraphMentions.decode("9,99999,PER,7:short", in: text, keys: [:]).isEmpty)
    }

    @Test("A plain ASCII paragraph's column, read from its bytes, is the one the scalar walk writes")
    func asciiColumn() {
        // Given an ASCII paragraph with a name past offset 10,000, and mentions: matching, not matching, with no
        // entity row, with a five-digit row position, and past the paragraph's end
        let text = "Zurich; Eve Dupont, of the \"Bundesrat\" said." + String(repeating: "x ", count: 5000) + "Geneva"
        let mentions = [
            Mention(start: 0, end: 6, type: .place, text: "Zurich", entity: "LOC:zurich"),
            Mention(start: 8, end: 18, type: .person, text: "Eve Dupont", entity: "PER:eve-dupont"),
            Mention(start: 28, end: 37, type: .organisation, text: "Federal Council", entity: "ORG:federal-council"),
            Mention(start: 10044, end: 10050, type: .place, text: "Geneva", entity: "LOC:geneva"),
            Mention(start: 10144, end: 10148, type: .place, text: "Bern", entity: "LOC:bern"),
        ]
        let positions = ["LOC:zurich": 0, "PER:eve-dupont": 1, "LOC:geneva": 12345, "LOC:bern": 2]
        // When its column is written
        let column = ParagraphMentions.encode(mentions, in: text) { positions[mentions[$0].entity] }
        // Then the text is written only where the paragraph does not hold it
        #expect(column == "0,6,LOC,0;8,18,PER,1;28,37,ORG,19:ORG:federal-council,15:Federal Council;"
            + "10044,10050,LOC,12345;10144,10148,LOC,2,4:Bern")
        // And the same as for the paragraph with one accented letter after it, which takes the scalar walk
        #expect(column == ParagraphMentions.encode(mentions, in: text + "é") { positions[mentions[$0].entity] })
    }

    @Test("Original texts come back verbatim: long ones kept compressed, short ones as they are")
    func originalTextsKeptCompressed() throws {
        // Given a long original (Unicode, markup) and a short one
        let long = (0..<60).map { "Line \($0): Ève Dupont met *officials* in Zürich 🇨🇭 — <b>talks</b>\r\n" }.joined()
        let short = "Brief: Zürich."
        let store = try Store.inMemory()
        let ids = try store.importStories([
            StoryFixtures.item(StoryFixtures.plainStory(title: "Long", text: "a"), text: long),
            StoryFixtures.item(StoryFixtures.plainStory(title: "Short", text: "b"), text: short),
        ]).map(\.id)
        // Then each reads back byte for byte, for showing and for sectioning again
        #expect(try store.originalText(id: ids[0]) == long)
        #expect(try store.originalText(id: ids[1]) == short)
        #expect(try store.sectioningSource(id: ids[0])?.originalText == long)
        // And the long one is stored compressed, far smaller
        let blob = try #require(DeflatedText.deflate(long))
        #expect(blob.count * 4 < long.utf8.count)
        #expect(DeflatedText.inflate(blob) == long)
        #expect(DeflatedText.deflate(short) == nil)
        // A damaged blob is refused, never a trap
        #expect(DeflatedText.inflate(blob.prefix(20)) == nil)
        #expect(DeflatedText.inflate(Data([1, 2, 3, 4, 5, 6])) == nil)
    }

    // MARK: - Fixtures

    /// A re-sectioned story of a converted cache is searchable under its new words (a phrase too) only, and keeps
    /// its original text.
    static func expectResectioningWorks(_ migrated: Store) throws {
        let summit = try #require(try migrated.summaries().first { $0.title == "Ministers meet before the summit" })
        let original = try migrated.originalText(id: summit.id)
        var changed = try #require(try migrated.story(id: summit.id)).story
        changed.sections[0].paragraphs[0].text = "Sergei Lavrov spoke of the alliance."
        changed.sections[0].paragraphs[0].mentions.removeLast()
        #expect(try migrated.replaceSectioning([(id: summit.id, story: changed)]) == [true])
        #expect(try migrated.search("alliance spoke").map(\.id) == [summit.id])
        #expect(try migrated.search("\"of the alliance\"").map(\.id) == [summit.id])
        #expect(try migrated.search("envoys").map(\.id) == [summit.id])
        #expect(try migrated.search("listen").isEmpty)
        #expect(try migrated.originalText(id: summit.id) == original)
        #expect(try migrated.integrityProblems() == [])
    }

    /// Six conversions of copies of `template`, each interrupted at a random moment (`cutConversion`): `check` looks
    /// at each copy as the cut left it (and whether its conversion finished first); then a Store opening it must
    /// convert it and answer as `fresh`. Returns how many were cut.
    static func cutTrials(of template: String, in dir: URL, answering fresh: Store, stories: Int,
                          check: (String, Bool) throws -> Void) throws -> Int {
        let duration = try conversionTime(of: template, in: dir)
        var cut = 0
        for trial in 0..<6 {
            let path = dir.appendingPathComponent("trial-\(trial).sqlite").path
            let converted = try cutConversion(of: template, to: path, within: duration)
            if !converted { cut += 1 }
            try check(path, converted)
            let reopened = try Store(path: path)
            try expectSameAnswers(reopened, fresh, stories: stories)
            #expect(try reopened.integrityProblems() == [])
        }
        return cut
    }

    /// How long converting a copy of `template` (to every migration) takes here, so cuts can fall inside it.
    static func conversionTime(of template: String, in dir: URL) throws -> TimeInterval {
        let timed = dir.appendingPathComponent("timed-\(UUID().uuidString).sqlite").path
        try FileManager.default.copyItem(atPath: template, toPath: timed)
        let started = Date()
        try CacheSchema.migrator.migrate(try DatabaseQueue(path: timed))
        return Date().timeIntervalSince(started)
    }

    /// Copies `template` to `path` and converts it, interrupted from a random moment within `duration` on (SQLite
    /// abandons the statement; the transaction rolls back, as after a kill). True when the conversion finished first.
    static func cutConversion(of template: String, to path: String, within duration: TimeInterval) throws -> Bool {
        try FileManager.default.copyItem(atPath: template, toPath: path)
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let outcome = Mutex<Bool?>(nil)
        let done = DispatchGroup()
        done.enter()
        DispatchQueue.global().async {
            let converted = (try? CacheSchema.migrator.migrate(queue)) != nil
            outcome.withLock { $0 = converted }
            done.leave()
        }
        var generator = SystemRandomNumberGenerator()
        usleep(UInt32(Double.random(in: 0...duration, using: &generator) * 1_000_000))
        // From that moment until the conversion ends: one interrupt that falls between two statements is lost (SQLite
        // interrupts only a running one), and six such misses once left this test with no cut at all.
        repeat { queue.interrupt() } while done.wait(timeout: .now() + .milliseconds(1)) == .timedOut
        // Set before `done` was left: the conversion either finished or was interrupted.
        guard let finished = outcome.withLock({ $0 }) else {
            Issue.record("the conversion never said how it ended")
            return false
        }
        return finished
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("brief-lean-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

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
        try writeShape(of: freshPath, to: oldPath, upTo: try previousMigration)
    }

    /// Writes, at `oldPath`, the cache at `freshPath` as the schema up to `migration` kept it: the rows the tables of
    /// both have, then each story's text as that schema kept it (paragraph rows, with mention rows before the lean
    /// cache or a mentions column after; the original text, compressed when long after the lean cache; each story
    /// entity's own name and aliases; first mentions by paragraph id) and its search row.
    static func writeShape(of freshPath: String, to oldPath: String, upTo migration: String) throws {
        let fresh = try Store(path: freshPath)
        let queue = try DatabaseQueue(path: oldPath)
        try CacheSchema.migrator.migrate(queue, upTo: migration)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS fresh", arguments: [freshPath])
        }
        try queue.write { db in
            let freshTables = Set(try String.fetchAll(db, sql: "SELECT name FROM fresh.sqlite_master WHERE type = 'table'"))
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                  AND name NOT LIKE 'story_search%' AND name NOT IN ('grdb_migrations', 'mentions', 'paragraphs')
                """).filter(freshTables.contains)
            for table in tables {
                let old = Set(try Row.fetchAll(db, sql: "PRAGMA main.table_info(\(table))").map { $0["name"] as String })
                let columns = try Row.fetchAll(db, sql: "PRAGMA fresh.table_info(\(table))").map { $0["name"] as String }
                    .filter(old.contains).map { "\"\($0)\"" }.joined(separator: ", ")
                try db.execute(sql: "INSERT INTO main.\(table) (\(columns)) SELECT \(columns) FROM fresh.\(table)")
            }
            let mentionRows = try db.tableExists("mentions")
            let paragraphColumns = Set(try Row.fetchAll(db, sql: "PRAGMA main.table_info(paragraphs)").map { $0["name"] as String })
            let storyColumns = Set(try Row.fetchAll(db, sql: "PRAGMA main.table_info(stories)").map { $0["name"] as String })
            let entityColumns = Set(try Row.fetchAll(db, sql: "PRAGMA main.table_info(story_entities)").map { $0["name"] as String })
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM main.stories ORDER BY id") {
                let story = try #require(try fresh.story(id: id)).story
                let original = try #require(try fresh.originalText(id: id))
                let deflated = storyColumns.contains("original_deflated") ? DeflatedText.deflate(original) : nil
                try db.execute(sql: "UPDATE main.stories SET original_text = ? WHERE id = ?",
                               arguments: [deflated == nil ? original : "", id])
                if let deflated {
                    try db.execute(sql: "UPDATE main.stories SET original_deflated = ? WHERE id = ?", arguments: [deflated, id])
                }
                var positions: [String: Int] = [:]
                for (position, entity) in story.entities.enumerated() {
                    positions[entity.key] = positions[entity.key] ?? position
                    try db.execute(sql: "UPDATE main.story_entities SET name = ?, aliases = ? WHERE story_id = ? AND entity_key = ?",
                                   arguments: [entity.name, JSONStringArray.encode(entity.aliases), id, entity.key])
                }
                let sectionIDs = try Int64.fetchAll(db, sql: "SELECT id FROM main.sections WHERE story_id = ? ORDER BY position",
                                                    arguments: [id])
                var paragraphIDs: [Int64] = []
                for (sectionID, section) in zip(sectionIDs, story.sections) {
                    for (position, paragraph) in section.paragraphs.enumerated() {
                        try db.execute(sql: "INSERT INTO main.paragraphs (section_id, story_id, position, text) VALUES (?, ?, ?, ?)",
                                       arguments: [sectionID, id, position, paragraph.text])
                        let paragraphID = db.lastInsertedRowID
                        paragraphIDs.append(paragraphID)
                        if paragraphColumns.contains("mentions") {
                            try db.execute(sql: "UPDATE main.paragraphs SET mentions = ? WHERE id = ?", arguments: [
                                ParagraphMentions.encode(paragraph.mentions, in: paragraph.text) {
                                    positions[paragraph.mentions[$0].entity]
                                },
                                paragraphID])
                        }
                        for mention in paragraph.mentions where mentionRows {
                            try db.execute(sql: """
                                INSERT INTO main.mentions (paragraph_id, story_id, start, "end", type, entity_key, text)
                                VALUES (?, ?, ?, ?, ?, ?, ?)
                                """, arguments: [paragraphID, id, mention.start, mention.end, mention.type.rawValue,
                                                 mention.entity, mention.text])
                        }
                    }
                }
                if entityColumns.contains("first_paragraph") {
                    for (place, paragraphID) in paragraphIDs.enumerated() {
                        try db.execute(sql: """
                            UPDATE main.story_entities SET first_paragraph = ? WHERE story_id = ? AND first_paragraph = ?
                            """, arguments: [-paragraphID, id, place])
                    }
                    try db.execute(sql: "UPDATE main.story_entities SET first_paragraph = -first_paragraph WHERE story_id = ?",
                                   arguments: [id])
                }
                if mentionRows {
                    var lines: [String] = []
                    for section in story.sections {
                        if let title = section.title { lines.append(title) }
                        lines += section.paragraphs.map(\.text)
                    }
                    try db.execute(sql: "INSERT INTO main.story_search (rowid, title, text) VALUES (?, ?, ?)",
                                   arguments: [id, story.title, lines.joined(separator: "\n")])
                }
            }
            if !mentionRows { try db.execute(sql: "INSERT INTO main.story_search (story_search) VALUES ('rebuild')") }
        }
        try queue.writeWithoutTransaction { try $0.execute(sql: "DETACH DATABASE fresh") }
        try queue.close()
    }

    /// A short story numbered `n`, naming a person, a place and a body (so the conversion has mentions to move).
    static func numberedStory(_ n: Int) -> ImportItem {
        let person = "Amara Ndiaye \(n % 7)", place = "Tromsø", body = "Grain Board"
        let text = "\(person) met the \(body) in \(place) on day \(n)."
        let scalars = Array(text.unicodeScalars)
        func at(_ word: String) -> Int {
            let wanted = Array(word.unicodeScalars)
            return (0...(scalars.count - wanted.count)).first { Array(scalars[$0..<($0 + wanted.count)]) == wanted } ?? 0
        }
        let keys = ["PER:amara-ndiaye-\(n % 7)", "LOC:tromso", "ORG:grain-board"]
        let story = Story(title: "Talks, day \(n)", sections: [
            Section(kind: .lede, paragraphs: [Paragraph(text: text, mentions: [
                Mention(start: 0, end: person.unicodeScalars.count, type: .person, text: person, entity: keys[0]),
                Mention(start: at(body), end: at(body) + 11, type: .organisation, text: body, entity: keys[2]),
                Mention(start: at(place), end: at(place) + 6, type: .place, text: place, entity: keys[1]),
            ])]),
        ], entities: [Entity(key: keys[0], name: person, type: .person, mentions: 1),
                      Entity(key: keys[1], name: place, type: .place, mentions: 1),
                      Entity(key: keys[2], name: body, type: .organisation, mentions: 1)])
        return StoryFixtures.item(story, published: Date(timeIntervalSince1970: 1_790_000_000 + Double(n) * 3600))
    }

    static func expectSameAnswers(_ migrated: Store, _ fresh: Store, stories: Int = 4) throws {
        let summaries = try fresh.summaries()
        #expect(summaries.count == stories)
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
