import BriefModel
import BriefStore
import BriefTagger
import Foundation
import Testing

/// An edited feed item (same feed, same item id, changed content) rewrites its story in place.
@Suite("An edited feed item updates its story")
struct StoreFeedUpdateTests {
    private static func item(_ story: Story, text: String) -> FeedImportItem {
        FeedImportItem(itemID: "desk-7", guid: "desk-7", link: "https://desk.example/7", fingerprint: "fp-" + text,
                       story: ImportItem(story: story, originalText: text, source: "Desk", published: nil, format: .article))
    }

    /// The summit story edited to name NATO only, and NATO as it names it.
    private static func natoOnly() -> (Story, Entity) {
        let nato = Entity(key: StoryFixtures.nato.key, name: "NATO", type: .organisation, mentions: 1)
        let edited = Story(title: "NATO delays the summit", sections: [
            Section(kind: .lede, paragraphs: [
                Paragraph(text: "NATO delayed the summit.", mentions: [
                    Mention(start: 0, end: 4, type: .organisation, text: "NATO", entity: nato.key),
                ]),
            ]),
        ], entities: [nato])
        return (edited, nato)
    }

    @Test("The story is re-tagged (mentions, entities, search row replaced) and keeps its id, read mark and star")
    func editedItemIsRetagged() throws {
        let store = try Store.inMemory()
        let first = try store.importFeedItems(feedURL: "f", items: [Self.item(StoryFixtures.summitStory(), text: "v1")])
        let id = first[0].id
        _ = try store.setRead(true, ids: [id])
        _ = try store.setStarred(true, ids: [id])
        let edited = StoryFixtures.plainStory(title: "Summit postponed", text: "The harbour summit was postponed to spring.")
        let again = try store.importFeedItems(feedURL: "f", items: [Self.item(edited, text: "v2")])
        #expect(again == [.updated(id)])
        let stored = try #require(try store.story(id: id))
        #expect(stored.story.title == "Summit postponed")
        #expect(stored.story.sections.flatMap(\.paragraphs).map(\.text) == ["The harbour summit was postponed to spring."])
        #expect(stored.summary.isRead && stored.summary.isStarred)
        #expect(try store.count() == 1)
        #expect(try store.stories(mentioning: StoryFixtures.lavrov.key).isEmpty)
        #expect(try store.entities().allSatisfy { $0.stories == 0 })
        #expect(try store.search("Lavrov").isEmpty)
        #expect(try store.search("postponed").map(\.id) == [id])
        #expect(try store.integrityProblems() == [])
        // Delivered once more unchanged, it is existing
        #expect(try store.importFeedItems(feedURL: "f", items: [Self.item(edited, text: "v2")]) == [.existing(id)])
    }

    @Test("An item delivered twice in one batch, edited between: the story is rewritten and the counts stay true",
          arguments: [false, true])
    func editedWithinOneBatch(entitiesKnown: Bool) throws {
        let store = try Store.inMemory()
        if entitiesKnown {
            _ = try store.importFeedItems(feedURL: "other", items: [
                FeedImportItem(itemID: "wire-1", guid: nil, link: nil, fingerprint: "fp-wire",
                               story: ImportItem(story: StoryFixtures.summitStory(title: "Earlier"), originalText: "v0",
                                                 source: "Wire", published: nil, format: .article)),
            ])
        }
        let before = Dictionary(uniqueKeysWithValues: try store.entities().map { ($0.key, [$0.stories, $0.mentions]) })
        // The second copy names NATO only: Lavrov and Moscow lose the story (new to the cache, they have none).
        let (edited, nato) = Self.natoOnly()
        let outcomes = try store.importFeedItems(feedURL: "f", items: [
            Self.item(StoryFixtures.summitStory(), text: "v1"), Self.item(edited, text: "v2"),
        ])
        let id = try #require(outcomes.first?.id)
        #expect(outcomes == [.new(id), .updated(id)])
        #expect(try store.integrityProblems() == [])
        let counts = Dictionary(uniqueKeysWithValues: try store.entities().map { ($0.key, [$0.stories, $0.mentions]) })
        var expected = before
        let natoBefore = before[nato.key] ?? [0, 0]
        expected[nato.key] = [natoBefore[0] + 1, natoBefore[1] + 1]
        #expect(counts == expected, "only NATO gains the rewritten story")
        #expect(try !store.stories(mentioning: StoryFixtures.lavrov.key).map(\.summary.id).contains(id))
        #expect(try store.stories(mentioning: nato.key).map(\.summary.id).contains(id))
    }

    @Test("An edit whose new content is already another story's leaves both as they were")
    func editOntoAnotherStory() throws {
        let store = try Store.inMemory()
        let other = try store.importStories([StoryFixtures.item(StoryFixtures.plainStory(title: "B", text: "b"), text: "v2")])
        let first = try store.importFeedItems(feedURL: "f", items: [Self.item(StoryFixtures.summitStory(), text: "v1")])
        let again = try store.importFeedItems(feedURL: "f", items: [Self.item(StoryFixtures.plainStory(title: "B", text: "b"), text: "v2")])
        #expect(again == [.existing(first[0].id)])
        #expect(try store.story(id: first[0].id)?.story == StoryFixtures.summitStory())
        #expect(try store.count() == 2 && other[0].id != first[0].id)
    }
}
