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
}
