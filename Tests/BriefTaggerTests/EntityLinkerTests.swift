import Testing
@testable import BriefTagger

@Suite("Entity linking")
struct EntityLinkerTests {
    private func candidate(_ text: String, _ type: EntityType, paragraph: Int = 0, at start: Int = 0) -> EntityLinker.Candidate {
        EntityLinker.Candidate(paragraph: paragraph, start: start, end: start + text.unicodeScalars.count, text: text,
                               words: text.split(separator: " ").map(String.init), type: type)
    }

    @Test("a surname links to the full name, which names the entity")
    func partialNames() {
        // Given a full name and later the surname alone
        let result = EntityLinker.link([candidate("Sergei Lavrov", .person), candidate("Lavrov", .person, paragraph: 1)],
                                       paragraphCount: 2)
        // Then both mentions are one entity keyed by the full name
        #expect(result.entities.count == 1)
        #expect(result.entities.first?.key == "PER:sergei-lavrov")
        #expect(result.entities.first?.aliases == ["Lavrov"])
        #expect(result.entities.first?.mentions == 2)
        #expect(result.mentions[1].first?.entity == "PER:sergei-lavrov")
    }

    @Test("one surface form keeps one type within a story")
    func consistentTypes() {
        let result = EntityLinker.link([candidate("Jordan", .place), candidate("Jordan", .person),
                                        candidate("Jordan", .place)], paragraphCount: 1)
        #expect(result.mentions[0].allSatisfy { $0.type == .place })
        #expect(result.entities.map(\.key) == ["LOC:jordan"])
    }

    @Test("a lone surname typed otherwise by its context is the person named in full in the story")
    func surnameTakesPersonType() {
        // Given `Vladimir Putin` and later `Putin` tagged as a place (as in `the Putin-Biden talks`)
        let result = EntityLinker.link([candidate("Vladimir Putin", .person), candidate("Putin", .place, paragraph: 1),
                                        candidate("Moscow", .place, paragraph: 1)], paragraphCount: 2)
        // Then `Putin` is a mention of the person, and a place that is no one's surname stays a place
        #expect(result.mentions[1].map(\.entity) == ["PER:vladimir-putin", "LOC:moscow"])
        #expect(result.mentions[1].first?.type == .person)
        #expect(result.entities.first { $0.key == "PER:vladimir-putin" }?.mentions == 2)
    }

    @Test("an organisation's last word alone links to the one fuller name it ends, not to one of two")
    func organisationLastWord() {
        // Given the European Commission, then the Commission
        let one = EntityLinker.link([candidate("European Commission", .organisation),
                                     candidate("Commission", .organisation, paragraph: 1)], paragraphCount: 2)
        // Then they are one organisation
        #expect(one.entities.map(\.key) == ["ORG:european-commission"])
        #expect(one.entities.first?.aliases == ["Commission"])
        // But beside the Security Council and the European Council, the Council stays apart
        let two = EntityLinker.link([candidate("Security Council", .organisation),
                                     candidate("European Council", .organisation),
                                     candidate("Council", .organisation, paragraph: 1),
                                     candidate("European", .organisation, paragraph: 1)], paragraphCount: 2)
        #expect(two.entities.map(\.key) == ["ORG:security-council", "ORG:european-council", "ORG:council",
                                             "ORG:european"])
    }

    @Test("an initialism links to the organisation it abbreviates")
    func initialisms() {
        let result = EntityLinker.link([candidate("European Union", .organisation), candidate("EU", .organisation)],
                                       paragraphCount: 1)
        #expect(result.entities.count == 1)
        #expect(result.entities.first?.aliases == ["EU"])
    }

    @Test("keys fold case, diacritics and punctuation")
    func keys() {
        #expect(EntityLinker.key(type: .person, name: "Recep Tayyip Erdoğan") == "PER:recep-tayyip-erdogan")
        #expect(EntityLinker.key(type: .organisation, name: "U.N.") == "ORG:u-n")
        #expect(EntityLinker.key(type: .place, name: "Côte d’Ivoire") == "LOC:cote-divoire")
    }

    @Test("the plain-ASCII key path gives the same keys as full folding, so caches keep their keys")
    func asciiKeysMatchFolding() {
        // Given names around every ASCII character, controls included, and a few real ones
        var names = ["Sergei Lavrov", "U.N.", "O'Brien", "  Group of 20 (G20) ", "AT&T", "--", "", "'", "x"]
        for byte in UInt8(0)..<0x80 {
            let c = String(UnicodeScalar(byte))
            names += ["Ab\(c)Cd 9", "\(c)Zed", "Q\(c)"]
        }
        for name in names {
            // Then the fast path agrees with folding wherever it answers
            #expect(EntityLinker.asciiSlug(name) == EntityLinker.foldedSlug(name), "\(name.debugDescription)")
        }
        // And it declines anything outside ASCII
        #expect(EntityLinker.asciiSlug("Erdoğan") == nil)
    }
}
