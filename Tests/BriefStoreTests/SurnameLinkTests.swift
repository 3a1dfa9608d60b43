import BriefModel
import BriefTagger
import Foundation
import GRDB
import Testing
@testable import BriefStore

/// A story that names a person by surname alone belongs on the page of the person named in full elsewhere,
/// whichever story came first, unless two people in the cache share the surname.
@Suite("Surnames linked across stories")
struct SurnameLinkTests {
    private func temporaryCache() throws -> (dir: URL, path: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("brief-surnames-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return (dir, dir.appendingPathComponent("brief.sqlite").path)
    }

    /// A story mentioning one person once, by `name` (`Lavrov` or `Sergei Lavrov`).
    private func story(_ title: String, person name: String) -> ImportItem {
        let text = "\(name) spoke in Geneva."
        let key = EntityLinker.key(type: .person, name: name)
        var story = StoryFixtures.plainStory(title: title, text: text)
        story.sections[0].paragraphs[0].mentions = [
            Mention(start: 0, end: name.unicodeScalars.count, type: .person, text: name, entity: key),
        ]
        story.entities = [Entity(key: key, name: name, type: .person, mentions: 1)]
        return StoryFixtures.item(story)
    }

    private func storyKeys(_ store: Store) throws -> [String: [String]] {
        var keys: [String: [String]] = [:]
        for summary in try store.summaries() {
            let stored = try #require(try store.story(id: summary.id))
            keys[summary.title] = stored.story.sections.flatMap(\.paragraphs).flatMap(\.mentions).map(\.entity)
        }
        return keys
    }

    @Test("A surname alone links to the one person with it, whether it comes before, after or with the full name")
    func linksInEveryOrder() throws {
        for order in [["alone", "full"], ["full", "alone"], ["together"]] {
            // Given a story naming Lavrov alone and one naming Sergei Lavrov, imported in this order
            let (dir, path) = try temporaryCache()
            defer { try? FileManager.default.removeItem(at: dir) }
            let store = try Store(path: path)
            let alone = story("Lavrov in Geneva", person: "Lavrov")
            let full = story("Sergei Lavrov in Geneva", person: "Sergei Lavrov")
            for step in order {
                switch step {
                case "alone": _ = try store.importStories([alone])
                case "full": _ = try store.importStories([full])
                default: _ = try store.importStories([alone, full])
                }
            }

            // Then both stories' mentions are Sergei Lavrov's, his page lists both, and the lone key is gone
            #expect(try storyKeys(store) == ["Lavrov in Geneva": ["PER:sergei-lavrov"],
                                             "Sergei Lavrov in Geneva": ["PER:sergei-lavrov"]], "\(order)")
            #expect(try store.stories(mentioning: "PER:sergei-lavrov").count == 2, "\(order)")
            let entities = try store.entities()
            #expect(entities.map(\.key) == ["PER:sergei-lavrov"], "\(order)")
            #expect(entities.first?.stories == 2 && entities.first?.mentions == 2, "\(order)")
            #expect(try store.integrityProblems() == [], "\(order)")
        }
    }

    @Test("A surname two people in the cache share stays its own entity")
    func sharedSurnameStaysApart() throws {
        let (dir, path) = try temporaryCache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store(path: path)
        _ = try store.importStories([story("Joe Biden speaks", person: "Joe Biden"),
                                     story("Hunter Biden testifies", person: "Hunter Biden")])
        _ = try store.importStories([story("Biden abroad", person: "Biden")])
        #expect(try storyKeys(store)["Biden abroad"] == ["PER:biden"])
        #expect(Set(try store.entities().map(\.key)) == ["PER:joe-biden", "PER:hunter-biden", "PER:biden"])
        #expect(try store.integrityProblems() == [])
    }

    @Test("Upgrading a cache links the lone surnames it already holds")
    func upgradeLinksExistingSurnames() throws {
        // Given a cache at the schema before surnames, holding Lavrov alone and Sergei Lavrov in two stories
        let (dir, path) = try temporaryCache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let queue = try DatabaseQueue(path: path)
        try CacheSchema.migrator.migrate(queue, upTo: "v4 list and story indexes")
        try queue.write { db in
            for (id, name) in [(1, "Lavrov"), (2, "Sergei Lavrov")] {
                let key = EntityLinker.key(type: .person, name: name)
                try db.execute(sql: """
                    INSERT INTO stories (id, content_hash, original_text, title, source, format, imported_at, list_date)
                    VALUES (?, ?, 'text', ?, 'test', 'article', '2026-11-01 10:00:00', '2026-11-01 10:00:00');
                    INSERT INTO sections (id, story_id, position, kind) VALUES (?, ?, 0, 'lede');
                    INSERT INTO paragraphs (id, section_id, story_id, position, text) VALUES (?, ?, ?, 0, 'text');
                    INSERT INTO entities (key, name, type) VALUES (?, ?, 'PER');
                    INSERT INTO story_entities (story_id, entity_key, position, name, aliases, mentions)
                    VALUES (?, ?, 0, ?, '[]', 1);
                    INSERT INTO mentions (paragraph_id, story_id, start, "end", type, entity_key, text)
                    VALUES (?, ?, 0, 4, 'PER', ?, ?);
                    INSERT INTO story_search (rowid, title, text) VALUES (?, ?, 'text');
                    """, arguments: [id, "hash\(id)", name, id, id, id, id, id, key, name, id, key, name,
                                     id, id, key, name, id, name])
            }
        }
        try queue.close()

        // When the current Store opens it
        let store = try Store(path: path)

        // Then the lone surname is Sergei Lavrov's, and the counts agree
        #expect(try storyKeys(store) == ["Lavrov": ["PER:sergei-lavrov"], "Sergei Lavrov": ["PER:sergei-lavrov"]])
        #expect(try store.entities().map(\.key) == ["PER:sergei-lavrov"])
        #expect(try store.entities().first?.stories == 2)
        #expect(try store.integrityProblems() == [])
    }

    @Test("Surnames come from the last part of a person's key only")
    func surnameOfKey() {
        #expect(SurnameLinks.surname(ofKey: "PER:sergei-lavrov") == "lavrov")
        #expect(SurnameLinks.surname(ofKey: "PER:bashar-al-assad") == "assad")
        #expect(SurnameLinks.surname(ofKey: "PER:lavrov") == nil)
        #expect(SurnameLinks.surname(ofKey: "ORG:european-union") == nil)
        #expect(SurnameLinks.loneSurname(ofKey: "PER:lavrov") == "lavrov")
        #expect(SurnameLinks.loneSurname(ofKey: "PER:sergei-lavrov") == nil)
        #expect(SurnameLinks.loneSurname(ofKey: "LOC:geneva") == nil)
    }
}
