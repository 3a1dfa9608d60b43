import Foundation
import Testing
@testable import BriefTagger

@Suite("Knowledge base")
struct KnowledgeBaseTests {
    static let records = [
        KnowledgeBase.Record(key: "ORG:european-union", type: .organisation, name: "European Union", country: nil,
                             aliases: ["EU", "E.U."]),
        KnowledgeBase.Record(key: "ORG:kremlin", type: .organisation, name: "Kremlin", country: "Russia", aliases: []),
        KnowledgeBase.Record(key: "LOC:izmail", type: .place, name: "Izmail", country: "Ukraine", aliases: ["Izmayil"]),
        KnowledgeBase.Record(key: "ORG:european-commission", type: .organisation, name: "European Commission",
                             country: nil, aliases: ["EC"]),
    ]

    private func temporaryFile(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("brief-kb-\(UUID().uuidString).tsv")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test("Given a knowledge base, when a name or alias is looked up by type, then it finds the one record, without case, `the` or a possessive")
    func lookup() throws {
        let kb = try KnowledgeBase(records: Self.records)
        #expect(kb.count == 4)
        #expect(kb.lookup("EU", type: .organisation)?.key == "ORG:european-union")
        #expect(kb.lookup("european union", type: .organisation)?.key == "ORG:european-union")
        #expect(kb.lookup("the Kremlin", type: .organisation)?.country == "Russia")
        #expect(kb.lookup("Kremlin’s", type: .organisation)?.key == "ORG:kremlin")
        #expect(kb.lookup("Izmayil", type: .place)?.name == "Izmail")
        // The type is part of the name: a person called Izmail is not the town.
        #expect(kb.lookup("Izmail", type: .person) == nil)
        #expect(kb.lookup("Brussels", type: .place) == nil)
    }

    @Test("An acronym is two to six capital letters, dots between them allowed, in any script")
    func acronyms() {
        for name in ["UN", "U.N.", "ECOWAS", "ÉU", "ΟΗΕ"] { #expect(KnowledgeBase.isAcronym(name), "\(name)") }
        for name in ["Un", "U", "ECOWASX", "U-N", "un", "Ün"] { #expect(!KnowledgeBase.isAcronym(name), "\(name)") }
    }

    @Test("Given a written knowledge base, when it is loaded, then every record reads back the same")
    func roundTrip() throws {
        let url = try temporaryFile("")
        defer { try? FileManager.default.removeItem(at: url) }
        try KnowledgeBase.write(Self.records, to: url)
        let kb = try KnowledgeBase.load(from: url)
        #expect((0..<kb.count).map { kb.record($0) } == Self.records)
    }

    @Test("Given a truncated or malformed knowledge base, when it is loaded, then one error names the file (and line)")
    func badFiles() throws {
        let good = KnowledgeBase.serialise(Self.records)
        let truncated = try temporaryFile(String(good.dropLast(7)))
        let badLine = try temporaryFile(good + "ORG:x\tORG\tOnly three fields\n")
        let badType = try temporaryFile(good + "X:y\tPERSON\tY\t-\t\n")
        let notKnowledge = try temporaryFile("word\t1\t\t0\n")
        defer { for u in [truncated, badLine, badType, notKnowledge] { try? FileManager.default.removeItem(at: u) } }
        for url in [truncated, badLine, badType, notKnowledge] {
            do {
                _ = try KnowledgeBase.load(from: url)
                Issue.record("\(url.lastPathComponent) loaded")
            } catch let error as TaggerError {
                #expect(error.description.contains(url.path))
                #expect(!error.description.contains("\n"))
            }
        }
        let lines = good.split(separator: "\n").count
        do {
            _ = try KnowledgeBase.load(from: badLine)
        } catch let error as TaggerError {
            #expect(error.description.contains(":\(lines + 1):"), "\(error)")
        }
    }

    @Test("Given a story naming the EU and the European Union, when linked with the knowledge base, then both are one entity with canonical name, aliases and country")
    func linksAliases() throws {
        let kb = try KnowledgeBase(records: Self.records)
        let candidates = [
            EntityLinker.Candidate(paragraph: 0, start: 0, end: 2, text: "EU", words: ["EU"], type: .organisation),
            EntityLinker.Candidate(paragraph: 0, start: 10, end: 17, text: "Kremlin", words: ["Kremlin"], type: .place),
            EntityLinker.Candidate(paragraph: 1, start: 0, end: 14, text: "European Union", words: ["European", "Union"],
                                   type: .organisation),
            EntityLinker.Candidate(paragraph: 1, start: 20, end: 27, text: "Izmayil", words: ["Izmayil"], type: .place),
        ]
        let (mentions, entities) = EntityLinker.link(candidates, paragraphCount: 2, knowledge: kb)
        let eu = try #require(entities.first { $0.key == "ORG:european-union" })
        #expect(eu.mentions == 2)
        #expect(eu.canonicalName == "European Union")
        #expect(eu.knownAliases == ["EU", "E.U."])
        #expect(mentions[0].first?.entity == "ORG:european-union")
        #expect(mentions[1].first?.entity == "ORG:european-union")
        // The seat of government tagged as a place is the government body.
        let kremlin = try #require(entities.first { $0.key == "ORG:kremlin" })
        #expect(kremlin.type == .organisation)
        #expect(mentions[0].last?.type == .organisation)
        let izmail = try #require(entities.first { $0.key == "LOC:izmail" })
        #expect(izmail.country == "Ukraine")
        #expect(izmail.canonicalName == "Izmail")
        #expect(izmail.name == "Izmayil")
    }

    @Test("Given a story naming two commissions, when `the Commission` is linked, then it joins neither fuller name rather than the wrong one")
    func ambiguousShortName() throws {
        let kb = try KnowledgeBase(records: Self.records)
        let words = ["Western", "and", "Central", "Pacific", "Fisheries", "Commission"]
        let candidates = [
            EntityLinker.Candidate(paragraph: 0, start: 0, end: 19, text: "European Commission",
                                   words: ["European", "Commission"], type: .organisation),
            EntityLinker.Candidate(paragraph: 0, start: 30, end: 78, text: words.joined(separator: " "), words: words,
                                   type: .organisation),
            EntityLinker.Candidate(paragraph: 0, start: 90, end: 100, text: "Commission", words: ["Commission"],
                                   type: .organisation),
        ]
        let (mentions, _) = EntityLinker.link(candidates, paragraphCount: 1, knowledge: kb)
        #expect(mentions[0][2].entity != "ORG:western-and-central-pacific-fisheries-commission")
        #expect(mentions[0][0].entity == "ORG:european-commission")
    }

    @Test("Given an entity written before the knowledge fields existed, when decoded, then the canonical name is its name")
    func decodesOldEntities() throws {
        let json = #"{"key":"ORG:eu","name":"EU","type":"ORG","aliases":[],"mentions":2}"#
        let entity = try JSONDecoder().decode(Entity.self, from: Data(json.utf8))
        #expect(entity.canonicalName == "EU")
        #expect(entity.knownAliases.isEmpty)
        #expect(entity.country == nil)
    }
}

@Suite("Standalone paragraphs")
struct StandaloneParagraphTests {
    @Test("Given credits naming a reporter who shares the envoy's surname, when tagged with the credits standalone, then the envoy's surname mentions stay the envoy's")
    func creditsLinkApart() throws {
        let tagger = try #require(CommittedModelTests.tagger, "the committed model loads")
        let paragraphs = [
            "The envoy Samuel Otieno Kariuki arrived in Juba on Monday.",
            "Otieno said the talks would resume.",
            "Reporting by Daniel Otieno; Editing by Maria Lindqvist",
        ]
        let result = tagger.tagDocument(paragraphs, standalone: [2])
        let otieno = result.mentions[1].first { $0.text == "Otieno" }
        #expect(otieno?.entity != "PER:daniel-otieno", "\(result.mentions[1])")
        #expect(result.mentions[2].contains { $0.entity == "PER:daniel-otieno" }, "\(result.mentions[2])")
        #expect(result.entities.contains { $0.key == "PER:daniel-otieno" && $0.mentions == 1 })
    }
}

@Suite("Knowledge base collisions")
struct KnowledgeCollisionTests {
    @Test("Given a seat of government that is also an old alias of a city, when tagged a place, then it links to the seat")
    func aliasYieldsToCanonicalName() throws {
        let kb = try KnowledgeBase(records: [
            KnowledgeBase.Record(key: "ORG:white-house", type: .organisation, name: "White House", country: "United States", aliases: []),
            KnowledgeBase.Record(key: "LOC:casablanca", type: .place, name: "Casablanca", country: "Morocco",
                                 aliases: ["White House", "Dar el Beida"]),
        ])
        let candidates = [
            EntityLinker.Candidate(paragraph: 0, start: 4, end: 15, text: "White House", words: ["White", "House"], type: .place),
            EntityLinker.Candidate(paragraph: 0, start: 30, end: 42, text: "Dar el Beida", words: ["Dar", "el", "Beida"], type: .place),
        ]
        let (mentions, _) = EntityLinker.link(candidates, paragraphCount: 1, knowledge: kb)
        #expect(mentions[0][0].entity == "ORG:white-house")
        #expect(mentions[0][0].type == .organisation)
        #expect(mentions[0][1].entity == "LOC:casablanca")
    }
}
