@testable import BriefLibrary
import BriefModel
@testable import BriefStore
import BriefTagger
import Foundation
import Testing

/// Who said what, kept: quotes' linked speakers, descriptions and translations, turn speakers and dateline days
/// stored at import, and the re-sectioning pass that brings older caches up to date (stories written for these
/// tests: invented officials, real institutions).
@Suite("Storing quote speakers and dateline days; sectioning older caches again")
struct ResectionerTests {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let annotator: StoryAnnotator? = (try? Tagger.load(
        from: tests.deletingLastPathComponent().appendingPathComponent("Resources/ner"))).map(StoryAnnotator.init)

    /// A store holding `files` imported with the committed model.
    private func imported(_ files: [String: String]) throws -> Store {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("brief-quotes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        let store = try Store.inMemory()
        let annotate = try #require(Self.annotator, "the committed model loads").annotate
        _ = try Importer(store: store, annotate: annotate).importPaths([dir.path])
        return store
    }

    static let wire = """
        Kenya hosts Sudan ceasefire talks

        NAIROBI, March 3 (Brief Wire) - Kenya's foreign minister Amina Wanjiru Odhiambo opened talks on a \
        ceasefire in Sudan on Tuesday. "The guns must fall silent before the rains," Odhiambo said.

        A senior African Union official said the sides were "closer than at any time this year".

        The Chinese envoy, Li Wen, said: “停止挑衅” (“stop the provocations”).
        """

    @Test("Given a wire story without a feed date, its quotes keep speaker, entity, description and translation, and its date is the dateline's")
    func importKeepsSpeakersAndDatelineDay() throws {
        let store = try imported(["wire.txt": Self.wire])
        let summary = try #require(try store.summaries().first)
        let story = try #require(try store.story(id: summary.id)).story
        let day = try #require(story.dateline?.day)
        #expect(day.month == 3 && day.day == 3 && story.dateline?.date == "March 3")
        #expect(summary.published == day.date)
        let minister = try #require(story.quotes.first { $0.text.hasPrefix("The guns") })
        #expect(minister.speaker == "Amina Wanjiru Odhiambo")
        #expect(minister.speakerEntity?.hasPrefix("PER:") == true && minister.paragraph == 0)
        let official = try #require(story.quotes.first { $0.text.hasPrefix("closer") })
        #expect(official.speaker == nil && official.description?.contains("African Union official") == true)
        let envoy = try #require(story.quotes.first { $0.text == "停止挑衅" })
        #expect(envoy.translation == "stop the provocations")
    }

    @Test("Given a transcript, each turn keeps the person behind its label")
    func turnsKeepSpeakers() throws {
        let store = try imported(["briefing.txt": """
            Foreign ministry briefing

            The spokesperson of the Ministry of Foreign Affairs of Poland, Ms Katarzyna Nowak, opened the briefing.

            MS NOWAK: Good afternoon. We welcome the release.

            QUESTION (Reuters): Will the talks resume?

            MS NOWAK: They will, next week.
            """])
        let id = try #require(try store.summaries().first?.id)
        let turns = try #require(try store.story(id: id)).story.sections.filter { $0.kind == .turn }
        #expect(turns.map(\.speaker) == ["Katarzyna Nowak", nil, "Katarzyna Nowak"])
    }

    @Test("An undated story says so and sorts after the dated stories of its import day, never as today's newest")
    func undatedSortsAfterTheDay() throws {
        let today = ISO8601DateFormatter().string(from: Date()).prefix(10)
        let store = try imported([
            "a-undated.txt": "Talks adjourn\n\nThe talks adjourned without a date for the next round.\n",
            "b-dated.md": "---\ndate: \(today)T00:00:01Z\n---\n# Talks open\n\nThe talks opened.\n",
        ])
        let rows = try store.summaries()
        #expect(rows.map(\.title) == ["Talks open", "Talks adjourn"])
        #expect(rows[1].published == nil)
    }

    @Test("An older cache is sectioned again story by story with progress, keeping read marks, and then is up to date")
    func olderCacheIsSectionedAgain() throws {
        // Given a cache from the first shipped schema (three stories, two read), opened by this build
        let fixture = Self.tests.appendingPathComponent("BriefStoreTests/Fixtures/v1-cache.sqlite")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("brief-resection-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("brief.sqlite").path
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
        let store = try Store(path: path)
        let readBefore = Set(try store.summaries().filter(\.isRead).map(\.id))
        let pass = Resectioner(store: store, annotate: try #require(Self.annotator).annotate)
        #expect(try pass.pending().count == 3)

        // When the pass runs
        var progress: [String] = []
        #expect(try pass.run { progress.append("\($0)/\($1)") } == StoryPassOutcome(updated: 3))

        // Then each story was sectioned once, with progress, and none is left; marks and invariants hold
        #expect(progress == ["1/3", "2/3", "3/3"])
        #expect(try pass.pending().isEmpty)
        #expect(try pass.run() == StoryPassOutcome())
        #expect(Set(try store.summaries().filter(\.isRead).map(\.id)) == readBefore)
        #expect(try store.search("treaty").count == 1)
        #expect(try store.integrityProblems() == [])
    }

    @Test("A pass stopped after one story resumes with the rest, each story replaced whole")
    func passResumes() throws {
        let store = try imported(["one.txt": Self.wire, "two.txt": "Second story\n\nText of the second story.\n"])
        let ids = try store.summaries().map(\.id).sorted()
        let next = ArticleParser.version + 1
        let pass = Resectioner(store: store, annotate: { $0 }, version: next)
        #expect(try pass.pending() == ids)
        // Given the first story brought to the next version, as a pass killed after one transaction leaves it
        let source = try #require(try store.sectioningSource(id: ids[0]))
        let parsed = ArticleParser.parse(source.originalText, format: source.format, reference: source.reference)
        #expect(try store.replaceSectioning([(id: ids[0], story: parsed.story)], version: next) == [true])
        #expect(try pass.pending() == [ids[1]])
        // When the pass runs again, it sections only the other, and the cache holds together
        var seen: [String] = []
        #expect(try pass.run { seen.append("\($0)/\($1)") } == StoryPassOutcome(updated: 1))
        #expect(seen == ["1/1"])
        #expect(try pass.pending().isEmpty)
        #expect(try store.integrityProblems() == [])
        #expect(try store.story(id: ids[0])?.story.quotes.count == 3)
    }

    @Test("A story whose text is damaged is not sectioned again from nothing: it is left as it is and named")
    func damagedStoryLeftAsItIs() throws {
        // Given two stories due for sectioning, the first one's text blob damaged
        let store = try imported(["one.txt": Self.wire, "two.txt": "Second story\n\nText of the second story.\n"])
        let ids = try store.summaries().map(\.id).sorted()
        try store.writer.write { db in
            try db.execute(sql: "UPDATE stories SET body = x'789c0102' WHERE id = ?", arguments: [ids[0]])
        }
        let pass = Resectioner(store: store, annotate: { $0 }, version: ArticleParser.version + 1)
        #expect(throws: StoreError.damagedStory(id: ids[0])) { try store.sectioningSource(id: ids[0]) }

        // When the pass runs
        let outcome = try pass.run()

        // Then the other story is sectioned again, the damaged one is named, still pending, and its blob untouched
        #expect(outcome == StoryPassOutcome(updated: 1, damaged: [ids[0]]))
        #expect(try pass.pending() == [ids[0]])
        let body = try store.writer.read { db in
            try Data.fetchOne(db, sql: "SELECT body FROM stories WHERE id = ?", arguments: [ids[0]])
        }
        #expect(body == Data([0x78, 0x9C, 0x01, 0x02]))
        #expect(try store.originalText(id: ids[1])?.hasPrefix("Second story") == true)
        #expect(throws: StoreError.damagedStory(id: ids[0])) { try store.originalText(id: ids[0]) }
    }

    @Test("A pass over more stories than a batch updates each once, names the damaged one, and reports every story")
    func passInBatches() throws {
        // Given 150 stories (three batches), a few read, one in the second batch with its text damaged
        let store = try Store.inMemory()
        let items = (0..<150).map { n in
            let text = "Harbour report \(n)\n\nThe harbour master filed report \(n) on the tides.\n"
            let parsed = ArticleParser.parse(text, format: .article, reference: Date())
            return ImportItem(story: parsed.story, originalText: text, source: "harbour-\(n).txt", published: nil,
                              format: .article)
        }
        _ = try store.importStories(items)
        let ids = try store.summaries().map(\.id).sorted()
        #expect(ids.count == 150 && StoryPass.batchSize < 75)
        _ = try store.setRead(true, ids: [ids[0], ids[99], ids[149]])
        let damaged = ids[StoryPass.batchSize + 3]
        try store.writer.write { db in
            try db.execute(sql: "UPDATE stories SET body = x'789c0102' WHERE id = ?", arguments: [damaged])
        }
        let next = ArticleParser.version + 1
        let pass = Resectioner(store: store, annotate: { $0 }, version: next)

        // When the pass runs
        var progress: [Int] = []
        let outcome = try pass.run { done, total in
            #expect(total == 150)
            progress.append(done)
        }

        // Then every other story is sectioned again once, progress went story by story, the damaged one is named
        // and still pending, and the read marks and the cache hold together
        #expect(outcome == StoryPassOutcome(updated: 149, damaged: [damaged]))
        #expect(progress == Array(1...150))
        #expect(try pass.pending() == [damaged])
        #expect(try store.storiesSectioned(below: next) == [damaged])
        #expect(Set(try store.summaries().filter(\.isRead).map(\.id)) == [ids[0], ids[99], ids[149]])
        #expect(try store.summaries().count == 150)
        // (the one problem is the damage this test made)
        #expect(try store.integrityProblems() == ["1 stories whose text cannot be read"])
    }
}
