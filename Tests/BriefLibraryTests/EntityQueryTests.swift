import BriefLibrary
import BriefModel
import BriefStore
import BriefTagger
import Foundation
import Testing

@Suite("Entity pages and looking an entity up by name")
struct EntityQueryTests {
    static let solberg = EntitySummary(key: "PER:ingrid-solberg", name: "Ingrid Solberg", type: .person, stories: 2, mentions: 4)
    static let solbergBank = EntitySummary(key: "ORG:solberg-bank", name: "Solberg Bank", type: .organisation,
                                           stories: 1, mentions: 1)
    static let tromso = EntitySummary(key: "LOC:tromso", name: "Tromsø", type: .place, stories: 1, mentions: 1)

    @Test("Given entities, when a name is looked up, then a key, an exact name or a unique part finds one")
    func lookupFindsOne() {
        let all = [Self.solberg, Self.solbergBank, Self.tromso]
        #expect(EntityLookup.find("ORG:solberg-bank", in: all) == .found(Self.solbergBank))
        #expect(EntityLookup.find(" ingrid solberg ", in: all) == .found(Self.solberg))
        #expect(EntityLookup.find("troms", in: all) == .found(Self.tromso))
    }

    @Test("Given entities, when a name matches several or none, then the candidates or none are said")
    func lookupAmbiguousOrNone() {
        let all = [Self.solberg, Self.solbergBank, Self.tromso]
        #expect(EntityLookup.find("solberg", in: all) == .ambiguous([Self.solberg, Self.solbergBank]))
        #expect(EntityLookup.find("Lavrov", in: all) == .none)
        #expect(EntityLookup.find("   ", in: all) == .none)
    }

    @Test("Given stories naming a person, when the page is loaded, then aliases, stories and sentences come back")
    func profileLoads() throws {
        // Given two stories naming Ingrid Solberg, the second by surname alone
        let store = try Store.inMemory()
        let first = "Talks opened in Tromsø. Ingrid Solberg led the delegation. Nothing was agreed."
        let second = "Later, Solberg said the talks would resume."
        func story(_ title: String, _ text: String, name: String, at start: Int, mentions: Int) -> ImportItem {
            let mention = Mention(start: start, end: start + name.unicodeScalars.count, type: .person, text: name,
                                  entity: Self.solberg.key)
            let entity = Entity(key: Self.solberg.key, name: name, type: .person, aliases: [], mentions: mentions)
            return ImportItem(story: Story(title: title, sections: [Section(kind: .body, paragraphs: [
                Paragraph(text: text, mentions: [mention])])], entities: [entity]),
                originalText: title + "\n\n" + text, source: "test", published: nil, format: .article)
        }
        _ = try store.importStories([story("Delegation arrives", first, name: "Ingrid Solberg", at: 24, mentions: 1)])
        _ = try store.importStories([story("Talks to resume", second, name: "Solberg", at: 7, mentions: 1)])

        // When her page is loaded
        let profile = try #require(try EntityProfile.load(key: Self.solberg.key, store: store))

        // Then it lists both stories, newest first, each with the sentence of its mention, and the other name
        #expect(profile.entity.name == "Ingrid Solberg")
        #expect(profile.aliases == ["Solberg"])
        #expect(profile.stories.map(\.summary.title) == ["Talks to resume", "Delegation arrives"])
        #expect(profile.stories.map(\.sentence) == [second, "Ingrid Solberg led the delegation."])
        let last = try #require(profile.stories.last)
        let scalars = Array(last.sentence.unicodeScalars)[last.mentionStart..<last.mentionEnd]
        #expect(String(String.UnicodeScalarView(scalars)) == "Ingrid Solberg")
        // And an entity the cache does not mention has no page
        #expect(try EntityProfile.load(key: "PER:nobody", store: store) == nil)
    }
}
