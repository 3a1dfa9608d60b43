import BriefModel
import BriefTagger
import Foundation
import GRDB
import Testing
@testable import BriefStore

/// The list's kept columns (each story's top entity names, each entity's story and mention counts) must
/// always say what the stories themselves say: after an upgrade, after imports and after a story is deleted.
@Suite("Kept list columns and entity counts")
struct StoreListColumnsTests {
    private func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("brief-columns-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// What the entity list should say, worked out from every story's own entity records.
    private func countsFromStories(_ store: Store) throws -> [String: (stories: Int, mentions: Int)] {
        var counts: [String: (stories: Int, mentions: Int)] = [:]
        for summary in try store.summaries() {
            let story = try #require(try store.story(id: summary.id)).story
            for entity in story.entities {
                counts[entity.key, default: (0, 0)].stories += 1
                counts[entity.key, default: (0, 0)].mentions += entity.mentions
            }
        }
        return counts
    }

    @Test("Upgrading a v1 cache fills in each story's top entities and each entity's counts from its stories")
    func upgradeBackfillsColumns() throws {
        // Given a copy of the v1 cache, whose stories were tagged on import
        let fixture = try #require(Bundle.module.url(forResource: "v1-cache", withExtension: "sqlite",
                                                     subdirectory: "Fixtures"))
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("brief.sqlite").path
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)

        // When the current Store opens it
        let store = try Store(path: path)

        // Then each list row names the story's most-mentioned entities, ties in the story's own order
        let summaries = try store.summaries()
        #expect(summaries.count == 3)
        for summary in summaries {
            let entities = try #require(try store.story(id: summary.id)).story.entities
            let expected = entities.enumerated()
                .sorted { $0.element.mentions != $1.element.mentions ? $0.element.mentions > $1.element.mentions
                                                                     : $0.offset < $1.offset }
                .prefix(3).map(\.element.name)
            #expect(summary.topEntities == expected, "story \(summary.title)")
        }
        #expect(summaries.contains { !$0.topEntities.isEmpty })

        // And the entity list's counts are those of the stories
        let counts = try countsFromStories(store)
        let listed = try store.entities()
        #expect(!listed.isEmpty)
        #expect(Set(listed.map(\.key)) == Set(counts.keys))
        for entity in listed {
            #expect(entity.stories == counts[entity.key]?.stories && entity.mentions == counts[entity.key]?.mentions,
                    "entity \(entity.key)")
        }
        #expect(try store.integrityProblems() == [])
    }

    @Test("Deleting a story takes it off its entities' counts, and an entity no story mentions leaves the list")
    func deletedStoryLeavesCounts() throws {
        // Given a cache where Lavrov is in two stories and NATO and Moscow only in the summit story
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("brief.sqlite").path
        var second = StoryFixtures.plainStory(title: "Talks resume", text: "Lavrov arrived late in Geneva.")
        second.sections[0].paragraphs[0].mentions = [
            Mention(start: 0, end: 6, type: .person, text: "Lavrov", entity: StoryFixtures.lavrov.key),
        ]
        second.entities = [Entity(key: StoryFixtures.lavrov.key, name: "Lavrov", type: .person, mentions: 1)]
        let ids = try Store(path: path).importStories([
            StoryFixtures.item(StoryFixtures.summitStory()), StoryFixtures.item(second),
        ]).map(\.id)
        #expect(try Store(path: path).entities().first { $0.key == StoryFixtures.lavrov.key }?.stories == 2)

        // When the summit story is deleted (its rows go by cascade; its search row has no foreign key, and goes first
        // while the index can still read its words)
        // (a connection of its own, with the store's SQL functions: the index reads the words from the story's body)
        var configuration = Configuration()
        configuration.prepareDatabase { StoryBody.register(in: $0) }
        try DatabaseQueue(path: path, configuration: configuration).write { db in
            try db.execute(sql: "DELETE FROM story_search WHERE rowid = ?", arguments: [ids[0]])
            try db.execute(sql: "DELETE FROM stories WHERE id = ?", arguments: [ids[0]])
        }

        // Then Lavrov counts only the second story, and NATO and Moscow are no longer listed
        let store = try Store(path: path)
        let entities = try store.entities()
        #expect(entities.map(\.key) == [StoryFixtures.lavrov.key])
        #expect(entities.first?.stories == 1 && entities.first?.mentions == 1)
        #expect(try store.integrityProblems() == [])
    }

    @Test("Entity counts are totalled per import: several transactions, shared entities and repeats stay exact")
    func countsTotalledPerImport() throws {
        // Given a cache file and stories that share Lavrov, each imported in its own transaction or together
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store(path: dir.appendingPathComponent("brief.sqlite").path)
        func lavrovStory(_ n: Int) -> ImportItem {
            var story = StoryFixtures.plainStory(title: "Talks, day \(n)", text: "Lavrov and Lavrov again, day \(n).")
            story.sections[0].paragraphs[0].mentions = [
                Mention(start: 0, end: 6, type: .person, text: "Lavrov", entity: StoryFixtures.lavrov.key),
                Mention(start: 11, end: 17, type: .person, text: "Lavrov", entity: StoryFixtures.lavrov.key),
            ]
            story.entities = [Entity(key: StoryFixtures.lavrov.key, name: "Lavrov", type: .person, mentions: 2)]
            return StoryFixtures.item(story)
        }

        // When they are imported in three transactions, one of them repeating a story already stored
        _ = try store.importStories([StoryFixtures.item(StoryFixtures.summitStory()), lavrovStory(1)])
        _ = try store.importStories([lavrovStory(2), lavrovStory(3)])
        let repeated = try store.importStories([lavrovStory(3), lavrovStory(4)])

        // Then the repeat is recognised and every entity counts exactly what its stories say
        #expect(!repeated[0].isNew && repeated[1].isNew)
        let counts = try countsFromStories(store)
        let listed = try store.entities()
        #expect(Set(listed.map(\.key)) == Set(counts.keys))
        for entity in listed {
            #expect(entity.stories == counts[entity.key]?.stories && entity.mentions == counts[entity.key]?.mentions,
                    "entity \(entity.key)")
        }
        #expect(listed.first { $0.key == StoryFixtures.lavrov.key }?.stories == 5)
        #expect(try store.integrityProblems() == [])
    }

    @Test("Search returns at most the limit asked for, the best matches")
    func searchLimited() throws {
        // Given three stories with "harbour", only one in its headline
        let store = try Store.inMemory()
        _ = try store.importStories([
            StoryFixtures.item(StoryFixtures.plainStory(title: "Grain talks", text: "The harbour stayed shut.")),
            StoryFixtures.item(StoryFixtures.plainStory(title: "Harbour strike ends", text: "Dockers went back.")),
            StoryFixtures.item(StoryFixtures.plainStory(title: "Fishing quotas", text: "Boats left the harbour.")),
        ])

        // When searching with a limit of one, and without one
        let best = try store.search("harbour", limit: 1)
        let all = try store.search("harbour")

        // Then the limited search keeps just the headline match, and the default keeps all three
        #expect(best.map(\.title) == ["Harbour strike ends"])
        #expect(all.count == 3 && all.first?.title == "Harbour strike ends")
        #expect(try store.search("harbour", limit: 0).isEmpty)
    }

    @Test("An unread-only search keeps the limit for unread matches, however many read ones rank above them")
    func unreadSearchLimitedAfterFilter() throws {
        // Given a read story matching in its headline and an unread one matching only in its text
        let store = try Store.inMemory()
        let ids = try store.importStories([
            StoryFixtures.item(StoryFixtures.plainStory(title: "Harbour strike ends", text: "Dockers went back.")),
            StoryFixtures.item(StoryFixtures.plainStory(title: "Fishing quotas", text: "Boats left the harbour.")),
        ]).map(\.id)
        try store.setRead(true, ids: [ids[0]])

        // When searching unread stories only, with room for one
        let found = try store.search("harbour", unreadOnly: true, limit: 1)

        // Then the unread match is found, not crowded out by the better read one
        #expect(found.map(\.id) == [ids[1]])
        #expect(try store.search("harbour", unreadOnly: false, limit: 1).map(\.id) == [ids[0]])
    }
}
