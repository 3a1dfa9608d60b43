import BriefLibrary
import BriefModel
@testable import BriefStore
import BriefTagger
import Foundation
import GRDB
import Testing

/// The re-annotation pass over caches tagged by an older Brief, and the linking rules it and the import share,
/// with the committed model on stories written for these tests.
@Suite("Re-annotating the cache with canonical entities")
struct ReannotatorTests {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let modelDirectory = testsDirectory.deletingLastPathComponent().appendingPathComponent("Resources/ner")
    static let annotator: StoryAnnotator? = (try? Tagger.load(from: modelDirectory)).map(StoryAnnotator.init)

    private func annotator() throws -> StoryAnnotator {
        try #require(Self.annotator, "the committed model loads from \(Self.modelDirectory.path)")
    }

    /// A private copy of the first shipped schema's cache (BriefStoreTests' fixture: three stories, two read).
    private func copyOfV1Cache() throws -> (dir: URL, path: String) {
        let fixture = Self.testsDirectory.appendingPathComponent("BriefStoreTests/Fixtures/v1-cache.sqlite")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("brief-reannotate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("brief.sqlite").path
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
        return (dir, path)
    }

    private func directory(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("brief-linking-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    /// The mentions of `text` imported as a story file with the committed model, as stored.
    private func mentionsOfImported(_ text: String) throws -> [Mention] {
        let dir = try directory(["story.txt": text])
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store.inMemory()
        _ = try Importer(store: store, annotate: try annotator().annotate).importPaths([dir.path])
        let id = try #require(try store.summaries().first?.id)
        return try #require(try store.story(id: id)).story.sections.flatMap(\.paragraphs).flatMap(\.mentions)
    }

    @Test("An upgraded cache is re-tagged story by story with progress, keeping read marks, and then is up to date")
    func upgradedCacheIsRetagged() throws {
        // Given a cache from the first shipped schema, opened by this build
        let (dir, path) = try copyOfV1Cache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store(path: path)
        let readBefore = Set(try store.summaries().filter(\.isRead).map(\.id))
        let pass = Reannotator(store: store, annotate: try annotator().annotate)
        #expect(try pass.pending().count == 3)

        // When the pass runs
        var progress: [String] = []
        let done = try pass.run { progress.append("\($0)/\($1)") }

        // Then every story was re-tagged, once, with progress after each, and none is left
        #expect(done == StoryPassOutcome(updated: 3) && progress == ["1/3", "2/3", "3/3"])
        #expect(try pass.pending().isEmpty)
        #expect(try pass.run() == StoryPassOutcome())
        // And the read marks, the text and the cache's invariants are as they were
        #expect(Set(try store.summaries().filter(\.isRead).map(\.id)) == readBefore)
        #expect(try store.search("treaty").count == 1)
        #expect(try store.integrityProblems() == [])
        // And the stories carry the current annotation, with their places tagged
        let lake = try #require(try store.summaries().first { $0.title.hasPrefix("Lake states") })
        let story = try #require(try store.story(id: lake.id)).story
        #expect(story.annotationVersion == StoryAnnotator.version)
        #expect(story.entities.contains { $0.key == "LOC:kisumu" })
    }

    @Test("A pass stopped after some stories resumes with the rest; a story is replaced whole or not at all")
    func passResumes() throws {
        let (dir, path) = try copyOfV1Cache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store(path: path)
        let marking: @Sendable (Story) -> Story = { story in
            var story = story
            story.entities = [Entity(key: "LOC:kisumu", name: "Kisumu", type: .place, mentions: 1,
                                     canonicalName: "Kisumu", knownAliases: ["Kisumu City"], country: "Kenya")]
            story.sections[0].paragraphs[0].mentions = [
                Mention(start: 0, end: 6, type: .place, text: "Kisumu", entity: "LOC:kisumu"),
            ]
            return story
        }
        let pass = Reannotator(store: store, annotate: marking)
        let ids = try pass.pending()
        // Given one story re-tagged, as a pass killed after its first transaction leaves the cache
        var first = try #require(try store.story(id: ids[0])).story
        first = marking(first)
        first.annotationVersion = StoryAnnotator.version
        // (a story that is gone is passed over, and the rest of its batch stored)
        let stored = try store.replaceAnnotations([(id: ids[0], story: first), (id: 999_999, story: first)])
        #expect(stored == [true, false])
        #expect(try pass.pending() == Array(ids.dropFirst()))
        #expect(try store.integrityProblems() == [])

        // When the pass runs again, it re-tags only the others
        var seen: [Int] = []
        #expect(try pass.run { done, _ in seen.append(done) }.updated == 2)
        #expect(seen == [1, 2])

        // And the entity carries its canonical name, aliases and country, counted once per story
        let kisumu = try #require(try store.entities().first { $0.key == "LOC:kisumu" })
        #expect(kisumu.canonicalName == "Kisumu" && kisumu.knownAliases == ["Kisumu City"] && kisumu.country == "Kenya")
        #expect(kisumu.stories == 3 && kisumu.mentions == 3)
        #expect(try store.summaries().allSatisfy { $0.topEntities == ["Kisumu"] })
        #expect(try store.integrityProblems() == [])
    }

    @Test("A reporter credited in a new story never takes over the envoy's surname in earlier stories")
    func creditsNeverLinkToPeopleInTheText() throws {
        // Given three stories about the envoy Samuel Otieno Kariuki, two naming him only as Otieno
        let dir = try directory([
            "1-envoy.txt": """
                Envoy opens talks in Juba

                JUBA (Brief Wire) - Kenya's special envoy Samuel Otieno Kariuki opened talks with South Sudan's \
                rival factions on Monday. Otieno said the talks would last a week.
                """,
            "2-envoy.txt": """
                Talks in Juba enter second day

                JUBA (Brief Wire) - The Kenyan envoy Otieno met the South Sudan delegation again on Tuesday. \
                Otieno told reporters in Juba that progress was slow.
                """,
            "3-envoy.txt": """
                Juba talks pause

                JUBA (Brief Wire) - Talks in Juba paused on Wednesday. The mediator, Otieno, said they would \
                resume after consultations in Nairobi.
                """,
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store.inMemory()
        let importer = Importer(store: store, annotate: try annotator().annotate)
        _ = try importer.importPaths([dir.path])
        let before = try store.stories(mentioning: "PER:otieno").map(\.summary.title)
        #expect(before.count >= 2, "the lone Otieno of the envoy's stories: \(before)")

        // When a new story from Juba is credited "Reporting by Daniel Otieno"
        let later = try directory(["4-credits.txt": """
            Aid convoy reaches Bentiu

            JUBA (Brief Wire) - A United Nations aid convoy reached Bentiu on Thursday, South Sudan's \
            relief agency said.

            Reporting by Daniel Otieno; Editing by Mark Hale
            """])
        defer { try? FileManager.default.removeItem(at: later) }
        _ = try importer.importPaths([later.path])

        // Then the lone Otieno stays where it was, and the reporter's page has only his own story
        #expect(try store.stories(mentioning: "PER:otieno").map(\.summary.title) == before)
        #expect(try store.stories(mentioning: "PER:daniel-otieno").map(\.summary.title) == ["Aid convoy reaches Bentiu"])
        #expect(try store.integrityProblems() == [])
    }

    @Test("Within a story, Commission links to the European Commission named before it, not to another commission")
    func shortOrganisationNameLinksToWhatItAbbreviates() throws {
        // Given a story naming the European Commission (twice), a fisheries commission, then the Commission
        let text = """
            Commission backs tuna deal

            BRUSSELS (Brief Wire) - The European Commission on Monday backed a new tuna agreement. The European \
            Commission said the deal would be signed in December.

            Ministers also called for progress at the Western and Central Pacific Fisheries Commission, which \
            meets in Honiara.

            The Commission will report to member states in January.
            """
        let mentions = try mentionsOfImported(text)

        // Then the lone Commission is the European Commission's
        let commission = try #require(mentions.last { $0.text == "Commission" })
        #expect(commission.entity == "ORG:european-commission")
        #expect(mentions.contains { $0.entity == "ORG:western-and-central-pacific-fisheries-commission" })
    }

    @Test("A Commission with no fuller name before it does not link to one named later")
    func shortNameBeforeAnyFullerNameStaysApart() throws {
        let text = """
            Week in review

            BRUSSELS (Brief Wire) - The Commission published its first report on migration on Friday.

            In December the Western and Central Pacific Fisheries Commission meets on tuna limits.
            """
        let mentions = try mentionsOfImported(text)
        let commission = mentions.first { $0.text == "Commission" }
        #expect(commission?.entity != "ORG:western-and-central-pacific-fisheries-commission")
    }

    @Test("A story whose text is damaged is left as it is and named; the pass re-tags the others")
    func damagedStoryPassedOver() throws {
        let (dir, path) = try copyOfV1Cache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store(path: path)
        let pass = Reannotator(store: store, annotate: { $0 })
        let ids = try pass.pending()
        try #require(ids.count == 3)
        try store.writer.write { db in
            try db.execute(sql: "UPDATE stories SET body = x'789c0102' WHERE id = ?", arguments: [ids[1]])
        }
        #expect(try pass.run() == StoryPassOutcome(updated: 2, damaged: [ids[1]]))
        // Still pending (a later pass tries again), still damaged, and nothing else was lost
        #expect(try pass.pending() == [ids[1]])
        let body = try store.writer.read { db in
            try Data.fetchOne(db, sql: "SELECT body FROM stories WHERE id = ?", arguments: [ids[1]])
        }
        #expect(body == Data([0x78, 0x9C, 0x01, 0x02]))
        #expect(try store.summaries().count == 3)
    }
}
