import BriefModel
import BriefStore
import BriefTagger
import Foundation
import Testing

@Suite("Entity pages and library search")
struct StoreEntityTests {
    private func store() throws -> (Store, summit: Int64, second: Int64) {
        let store = try Store.inMemory()
        var second = StoryFixtures.plainStory(title: "Talks resume", text: "Lavrov arrived late in Geneva.")
        second.sections[0].paragraphs[0].mentions = [
            Mention(start: 0, end: 6, type: .person, text: "Lavrov", entity: StoryFixtures.lavrov.key),
        ]
        second.entities = [Entity(key: StoryFixtures.lavrov.key, name: "Lavrov", type: .person, mentions: 1)]
        let ids = try store.importStories([
            StoryFixtures.item(StoryFixtures.summitStory(), published: StoryFixtures.date("2026-11-01T00:00:00Z")),
            StoryFixtures.item(second, published: StoryFixtures.date("2026-11-02T00:00:00Z")),
        ]).map(\.id)
        return (store, ids[0], ids[1])
    }

    @Test("Entities are listed most mentioned first with their story and mention counts")
    func entitiesMostMentionedFirst() throws {
        let (store, _, _) = try store()
        let entities = try store.entities()
        #expect(entities.map(\.key) == ["PER:sergei-lavrov", "ORG:nato", "LOC:moscow"])
        let lavrov = try #require(entities.first)
        #expect(lavrov.stories == 2 && lavrov.mentions == 3 && lavrov.type == .person)
        // The name is the one first stored for the key
        #expect(lavrov.name == "Sergei Lavrov")
    }

    @Test("Stories mentioning an entity come newest first with the paragraph of the first mention")
    func storiesMentioningEntity() throws {
        let (store, summit, second) = try store()
        let found = try store.stories(mentioning: "PER:sergei-lavrov")
        #expect(found.map(\.summary.id) == [second, summit])
        let first = try #require(found.last)
        #expect(first.paragraph == "Sergei Lavrov said NATO must listen.")
        #expect(first.start == 0 && first.end == 13)
        #expect(try store.stories(mentioning: "LOC:nowhere").isEmpty)
    }

    @Test("Each story's own record of an entity comes back in the order asked, skipping stories without it")
    func storyEntitiesInOrderAsked() throws {
        // Given two stories naming Lavrov differently, and an id with no such story
        let (store, summit, second) = try store()
        // When their records of him are read newest first
        let records = try store.storyEntities(key: "PER:sergei-lavrov", storyIDs: [second, 999, summit])
        // Then each story's own name comes back in that order, with its type and mentions, and the unknown id is skipped
        #expect(records.map(\.name) == ["Lavrov", "Sergei Lavrov"])
        #expect(records.allSatisfy { $0.key == "PER:sergei-lavrov" && $0.type == .person })
        #expect(records.first?.mentions == 1)
        // And a story that does not mention the entity gives nothing
        #expect(try store.storyEntities(key: "LOC:moscow", storyIDs: [second]).isEmpty)
    }

    @Test("What the knowledge base says of an entity is kept as from the latest story, however the stories are batched")
    func knowledgeIndependentOfBatching() throws {
        // Given a story naming SEOUL from its dateline, unknown to the knowledge base, then one that links Seoul to it
        func story(_ title: String, _ text: String, _ entity: Entity) -> ImportItem {
            var story = StoryFixtures.plainStory(title: title, text: text)
            story.sections[0].paragraphs[0].mentions = [
                Mention(start: 0, end: 5, type: .place, text: String(text.prefix(5)), entity: entity.key),
            ]
            story.entities = [entity]
            return StoryFixtures.item(story)
        }
        let stories = [
            story("Talks open", "SEOUL talks opened.",
                  Entity(key: "LOC:seoul", name: "SEOUL", type: .place, mentions: 1)),
            story("Talks end", "Seoul talks ended.",
                  Entity(key: "LOC:seoul", name: "Seoul", type: .place, mentions: 1, knownAliases: ["Keijo"],
                         country: "South Korea")),
        ]
        // When they are stored in one transaction, and in two
        let together = try Store.inMemory(), apart = try Store.inMemory()
        _ = try together.importStories(stories)
        for item in stories { _ = try apart.importStories([item]) }
        // Then both caches keep the first story's name with the second story's knowledge
        let summaries = try [together, apart].map { try #require($0.entities().first) }
        for summary in summaries {
            #expect(summary.name == "SEOUL" && summary.stories == 2 && summary.mentions == 2)
            #expect(summary.canonicalName == "Seoul" && summary.knownAliases == ["Keijo"])
            #expect(summary.country == "South Korea")
        }
    }

    @Test("Search finds stories by words in headline or text, headline matches first")
    func searchRanksHeadlineMatches() throws {
        let (store, summit, second) = try store()
        #expect(try store.search("geneva").map(\.id) == [second])
        #expect(try store.search("NATO listen").map(\.id) == [summit])
        #expect(try store.search("talks").map(\.id) == [second, summit])
    }

    @Test("Search treats FTS syntax in the query as plain words and never fails on it")
    func searchQuotesQuery() throws {
        let (store, _, _) = try store()
        for hostile in ["\"", "NATO AND", "OR", "lav*", "title:x", "(", "-", "NEAR(a b)", "\"\"\"", "   ", "^"] {
            _ = try store.search(hostile)
        }
        // An operator word is searched as the word itself: "and" appears in one story, "near" in none
        #expect(try store.search("AND").count == 1)
        #expect(try store.search("NEAR").isEmpty)
        #expect(try store.search("\"Geneva").count == 1)
    }
}
