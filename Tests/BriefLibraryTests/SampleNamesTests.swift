import BriefLibrary
import BriefModel
import BriefStore
import BriefTagger
import Foundation
import Testing

/// Issue 11's newcomer's list, as a test over the bundled samples imported with the committed model: the names a
/// newcomer found wrong, by class (places that are not big cities, geographic features, long and hyphenated names,
/// people in credits, one entity per real-world thing), and what the reader shows of them.
@Suite("The bundled samples: the newcomer's list of names")
struct SampleNamesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every sample imported once, shared by the tests (tagging 27 stories in a debug build takes a while).
    static let imported: Result<Store, any Error> = Result {
        let tagger = try Tagger.load(from: root.appendingPathComponent("Resources/ner"))
        let store = try Store.inMemory()
        _ = try Importer(store: store, annotate: StoryAnnotator(tagger: tagger).annotate)
            .importPaths([root.appendingPathComponent("Resources/samples").path])
        return store
    }

    /// (section kind, mention) for every stored mention.
    private func mentions() throws -> [(kind: SectionKind, mention: Mention)] {
        let store = try Self.imported.get()
        var all: [(SectionKind, Mention)] = []
        for summary in try store.summaries() {
            let story = try #require(try store.story(id: summary.id)).story
            for section in story.sections {
                for paragraph in section.paragraphs { for m in paragraph.mentions { all.append((section.kind, m)) } }
            }
        }
        return all
    }

    @Test("Small towns, rivers, seas, shoals, regions and ranges are places, whole, with their knowledge-base key")
    func placesAndFeatures() throws {
        let found = try mentions()
        let expected: [(text: String, key: String)] = [
            ("Izmail", "LOC:izmail"),
            ("Chornomorsk", "LOC:chornomorsk"),
            ("Danube", "LOC:danube"),
            ("Bentiu", "LOC:bentiu"),
            ("Ganges", "LOC:ganges"),
            ("Padma", "LOC:padma"),
            ("Himalayas", "LOC:himalayas"),
            ("Sundarbans", "LOC:sundarbans"),
            ("South China Sea", "LOC:south-china-sea"),
            ("Second Thomas Shoal", "LOC:second-thomas-shoal"),
            ("Ayungin", "LOC:second-thomas-shoal"),
            ("Central Asia", "LOC:central-asia"),
            ("Americas", "LOC:americas"),
        ]
        for want in expected {
            let named = found.filter { $0.mention.text.contains(want.text) }.map { "\($0.mention.text)=\($0.mention.entity)" }
            #expect(found.contains { $0.mention.text == want.text && $0.mention.type == .place && $0.mention.entity == want.key },
                    "\(want.text): \(named)")
        }
    }

    @Test("New Delhi is the capital, never the old city of Delhi")
    func newDelhiIsNotDelhi() throws {
        let delhi = try mentions().filter { $0.mention.text == "New Delhi" }
        #expect(delhi.count >= 3)
        #expect(delhi.allSatisfy { $0.mention.type == .place && $0.mention.entity == "LOC:new-delhi" },
                "\(delhi.map(\.mention.entity))")
    }

    @Test("Long organisation names and hyphenated or particle names of people come out whole")
    func wholeNames() throws {
        let found = try mentions()
        let expected: [(text: String, type: EntityType)] = [
            ("International Committee of the Red Cross", .organisation),
            ("Western and Central Pacific Fisheries Commission", .organisation),
            ("Intergovernmental Authority on Development", .organisation),
            ("Bjørn-Ove Nilsen", .person), ("Victoria Ciobanu-Rusu", .person),
            ("Salim bin Nasser Al-Rawahi", .person), ("Layla Al-Saadi", .person),
        ]
        for want in expected {
            #expect(found.contains { $0.mention.text == want.text && $0.mention.type == want.type }, "\(want.text)")
        }
        // No name keeps a trailing possessive, and none is cut before one of these names' parts
        #expect(!found.contains { $0.mention.text.hasSuffix("’s") || $0.mention.text.hasSuffix("'s") })
        #expect(!found.contains { ["Red Cross", "International Committee", "Central Pacific Fisheries Commission"]
                                    .contains($0.mention.text) })
    }

    @Test("Credits name people; a greeting is no one")
    func creditsAndGreetings() throws {
        let found = try mentions()
        let credits = found.filter { $0.kind == .credits }
        #expect(credits.count >= 20)
        #expect(!credits.contains { $0.mention.type == .organisation || $0.mention.type == .group }, "\(credits.map(\.mention))")
        #expect(!found.contains { $0.mention.text == "Good" })
    }

    @Test("One entity per real-world thing: EU and European Union, UN and United Nations")
    func oneEntityPerThing() throws {
        let found = try mentions().map(\.mention)
        for (forms, key) in [(["EU", "European Union"], "ORG:european-union"), (["UN", "United Nations", "U.N."], "ORG:united-nations")] {
            let named = found.filter { forms.contains($0.text) }
            #expect(named.count >= 5)
            #expect(named.allSatisfy { $0.entity == key }, "\(named.filter { $0.entity != key })")
        }
    }

    @Test("The list's top entities are canonical names, never a nationality adjective")
    func topEntities() throws {
        let store = try Self.imported.get()
        let summaries = try store.summaries()
        let misc = Set(try store.entities().filter { $0.type == .group && !$0.name.contains(" ") }.map(\.canonicalName))
        #expect(misc.contains("Russian") && misc.contains("European"))
        #expect(summaries.allSatisfy { $0.topEntities.allSatisfy { !misc.contains($0) } },
                "\(summaries.map(\.topEntities))")
        #expect(!summaries.contains { $0.topEntities.contains("EU") || $0.topEntities.contains("UN") })
        #expect(summaries.contains { $0.topEntities.contains("European Union") })
    }
}
