import BriefModel
import BriefStore
import BriefTagger
import Testing

@Suite("One ranking of a story's entities")
struct EntityRankingTests {
    static let council = Entity(key: "ORG:arctic-council", name: "Arctic Council", type: .organisation, mentions: 2)
    static let lund = Entity(key: "PER:ida-lund", name: "Ida Lund", type: .person, mentions: 3)
    static let ankara = Entity(key: "LOC:ankara", name: "Ankara", type: .place, mentions: 2)
    static let baku = Entity(key: "LOC:baku", name: "Baku", type: .place, mentions: 1)

    @Test("Given entities with tied counts, when ranked, then the most mentioned lead and ties keep the story's order")
    func mostMentionedThenStoryOrder() {
        // Given the council named before Ankara, both mentioned twice (Ankara first by name)
        let ranked = EntityRanking.ranked([Self.baku, Self.council, Self.lund, Self.ankara])
        // Then Lund leads, the council stays before Ankara, Baku is last
        #expect(ranked.map(\.name) == ["Ida Lund", "Arctic Council", "Ankara", "Baku"])
    }

    @Test("Given a stored story, when listed, then its top names follow the same ranking")
    func listRowUsesTheRanking() throws {
        // Given a story whose entities tie as above
        let store = try Store.inMemory()
        let paragraph = Paragraph(text: "Ida Lund met the Arctic Council in Ankara, then flew to Baku.")
        let story = Story(title: "Council meets", sections: [Section(kind: .body, paragraphs: [paragraph])],
                          entities: [Self.baku, Self.council, Self.lund, Self.ankara])
        _ = try store.importStories([ImportItem(story: story, originalText: "Council meets\n\n" + paragraph.text,
                                                source: "test", published: nil, format: .article)])
        // Then the list row's top three are the ranking's first three
        let expected = EntityRanking.ranked(story.entities).prefix(3).map(\.name)
        #expect(try store.summaries().first?.topEntities == expected)
        #expect(expected == ["Ida Lund", "Arctic Council", "Ankara"])
    }

    @Test("Given nationality adjectives and a known acronym, when a list row is made, then it shows canonical names only")
    func topNamesAreCanonicalWithoutAdjectives() throws {
        // Given a story mentioning Russian and European most, then the EU by its acronym, then Ankara
        let russian = Entity(key: "MISC:russian", name: "Russian", type: .group, mentions: 5)
        let european = Entity(key: "MISC:european", name: "European", type: .group, mentions: 4)
        let eu = Entity(key: "ORG:european-union", name: "EU", type: .organisation, mentions: 3,
                        canonicalName: "European Union", knownAliases: ["EU", "E.U."])
        let accord = Entity(key: "MISC:paris-agreement", name: "Paris Agreement", type: .group, mentions: 1)
        // Then the adjectives are left out and the EU goes by its canonical name
        #expect(EntityRanking.topNames([russian, european, eu, Self.ankara, accord])
                == ["European Union", "Ankara", "Paris Agreement"])
        // And a stored story's row says the same
        let store = try Store.inMemory()
        let paragraph = Paragraph(text: "Russian and European officials met the EU in Ankara.")
        let story = Story(title: "Officials meet", sections: [Section(kind: .body, paragraphs: [paragraph])],
                          entities: [russian, european, eu, Self.ankara])
        _ = try store.importStories([ImportItem(story: story, originalText: "Officials meet\n\n" + paragraph.text,
                                                source: "test", published: nil, format: .article)])
        #expect(try store.summaries().first?.topEntities == ["European Union", "Ankara"])
        let stored = try #require(try store.entities().first { $0.key == "ORG:european-union" })
        #expect(stored.canonicalName == "European Union" && stored.knownAliases == ["EU", "E.U."])
    }
}
