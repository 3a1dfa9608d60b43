import BriefModel
import BriefTagger
import Foundation
import GRDB
import Testing
@testable import BriefStore

/// A story that names a person by surname alone belongs on the page of the person named in full elsewhere,
/// whichever story came first, on strong evidence only: the one person with the surname, named in the text of a
/// story that shares context (another entity) with it; never a reporter named in the credits.
@Suite("Surnames linked across stories")
struct SurnameLinkTests {
    private func temporaryCache() throws -> (dir: URL, path: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("brief-surnames-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return (dir, dir.appendingPathComponent("brief.sqlite").path)
    }

    /// A story mentioning one person once, by `name` (`Lavrov` or `Sergei Lavrov`), in `place`.
    private func story(_ title: String, person name: String, place: String = "Geneva") -> ImportItem {
        let text = "\(name) spoke in \(place)."
        let key = EntityLinker.key(type: .person, name: name)
        let placeKey = EntityLinker.key(type: .place, name: place)
        let at = name.unicodeScalars.count + 10
        var story = StoryFixtures.plainStory(title: title, text: text)
        story.sections[0].paragraphs[0].mentions = [
            Mention(start: 0, end: name.unicodeScalars.count, type: .person, text: name, entity: key),
            Mention(start: at, end: at + place.unicodeScalars.count, type: .place, text: place, entity: placeKey),
        ]
        story.entities = [Entity(key: key, name: name, type: .person, mentions: 1),
                          Entity(key: placeKey, name: place, type: .place, mentions: 1)]
        return StoryFixtures.item(story)
    }

    /// A story naming `name` alone in its text, in `place`, and `reporter` in its credits.
    private func creditedStory(_ title: String, person name: String, place: String, reporter: String) -> ImportItem {
        var item = story(title, person: name, place: place)
        let key = EntityLinker.key(type: .person, name: reporter)
        let credit = "Reporting by \(reporter)"
        item.story.sections.append(Section(kind: .credits, paragraphs: [Paragraph(text: credit, mentions: [
            Mention(start: 13, end: credit.unicodeScalars.count, type: .person, text: reporter, entity: key),
        ])]))
        item.story.entities.append(Entity(key: key, name: reporter, type: .person, mentions: 1))
        item.originalText += "\n\n" + credit
        return item
    }

    private func personKeys(_ store: Store) throws -> [String: [String]] {
        try storyKeys(store).mapValues { $0.filter { $0.hasPrefix("PER:") } }
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
            #expect(try personKeys(store) == ["Lavrov in Geneva": ["PER:sergei-lavrov"],
                                             "Sergei Lavrov in Geneva": ["PER:sergei-lavrov"]], "\(order)")
            #expect(try store.stories(mentioning: "PER:sergei-lavrov").count == 2, "\(order)")
            let entities = try store.entities().filter { $0.type == .person }
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
        #expect(try personKeys(store)["Biden abroad"] == ["PER:biden"])
        #expect(Set(try store.entities().filter { $0.type == .person }.map(\.key))
                == ["PER:joe-biden", "PER:hunter-biden", "PER:biden"])
        #expect(try store.integrityProblems() == [])
    }

    @Test("A reporter named in a later story's credits never takes over a lone surname in other stories")
    func creditsNeverTakeOverSurnames() throws {
        // Given three stories naming the envoy by the surname Otieno alone, in Nairobi
        let (dir, path) = try temporaryCache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store(path: path)
        _ = try store.importStories((1...3).map { story("Envoy update \($0)", person: "Otieno", place: "Nairobi") })
        // When a new story from Nairobi is credited "Reporting by Daniel Otieno"
        _ = try store.importStories([creditedStory("Talks in Nairobi", person: "Kariuki", place: "Nairobi",
                                                   reporter: "Daniel Otieno")])
        // Then every lone Otieno stays its own entity, and the reporter has only his credit
        let keys = try personKeys(store)
        for n in 1...3 { #expect(keys["Envoy update \(n)"] == ["PER:otieno"]) }
        #expect(try store.stories(mentioning: "PER:daniel-otieno").map(\.summary.title) == ["Talks in Nairobi"])
        #expect(try store.entities().first { $0.key == "PER:otieno" }?.stories == 3)
        // And a credit-only person imported first does not link a later lone surname either
        _ = try store.importStories([story("Otieno again", person: "Otieno", place: "Nairobi")])
        #expect(try personKeys(store)["Otieno again"] == ["PER:otieno"])
        #expect(try store.integrityProblems() == [])
    }

    @Test("A reporter named in a later story's text gains his surname there, and a lone surname then links to him")
    func creditedPersonGainsSurnameInText() throws {
        // Given a cache where Daniel Otieno is named only in a story's credits (so he has no surname)
        let (dir, path) = try temporaryCache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store(path: path)
        _ = try store.importStories([creditedStory("Talks in Nairobi", person: "Kariuki", place: "Nairobi",
                                                   reporter: "Daniel Otieno")])
        // When a later fetch names him in a story's text, and a third story names Otieno alone in Nairobi
        _ = try store.importStories([story("Otieno speaks", person: "Daniel Otieno", place: "Nairobi")])
        _ = try store.importStories([story("Otieno again", person: "Otieno", place: "Nairobi")])

        // Then the stored row gained his surname, and the lone surname is his
        #expect(try store.writer.read { try String.fetchOne($0, sql: "SELECT surname FROM entities WHERE key = ?",
                                                            arguments: ["PER:daniel-otieno"]) } == "otieno")
        #expect(try personKeys(store)["Otieno again"] == ["PER:daniel-otieno"])
        #expect(try store.entities().first { $0.key == "PER:daniel-otieno" }?.stories == 3)
        #expect(try store.integrityProblems() == [])
    }

    @Test("A lone surname links only to a person named in a story sharing context with it")
    func surnameNeedsSharedContext() throws {
        let (dir, path) = try temporaryCache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store(path: path)
        // Given Amina Haddad named in full in a story from Tunis, and Haddad alone in Tunis and in Lima
        _ = try store.importStories([story("Haddad in Tunis", person: "Haddad", place: "Tunis"),
                                     story("Haddad in Lima", person: "Haddad", place: "Lima"),
                                     story("Amina Haddad in Tunis", person: "Amina Haddad", place: "Tunis")])
        // Then only the story sharing Tunis is hers
        let keys = try personKeys(store)
        #expect(keys["Haddad in Tunis"] == ["PER:amina-haddad"])
        #expect(keys["Haddad in Lima"] == ["PER:haddad"])
        #expect(try store.integrityProblems() == [])
    }

    @Test("A lone surname that is also inside another person's longer name stays its own entity")
    func surnameInsideLongerNameStaysApart() throws {
        let (dir, path) = try temporaryCache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store(path: path)
        _ = try store.importStories([story("Samuel Otieno Kariuki in Nairobi", person: "Samuel Otieno Kariuki",
                                           place: "Nairobi"),
                                     story("Daniel Otieno in Nairobi", person: "Daniel Otieno", place: "Nairobi"),
                                     story("Otieno in Nairobi", person: "Otieno", place: "Nairobi")])
        #expect(try personKeys(store)["Otieno in Nairobi"] == ["PER:otieno"])
    }

    @Test("A lone surname that begins another person's longer name stays its own entity; one ending none links")
    func surnameFirstInLongerNameStaysApart() throws {
        let (dir, path) = try temporaryCache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store(path: path)
        _ = try store.importStories([story("Otieno Kariuki in Nairobi", person: "Otieno Kariuki", place: "Nairobi"),
                                     story("Daniel Otieno in Nairobi", person: "Daniel Otieno", place: "Nairobi"),
                                     story("Otieno in Nairobi", person: "Otieno", place: "Nairobi")])
        #expect(try personKeys(store)["Otieno in Nairobi"] == ["PER:otieno"])
        // Kariuki ends one name and is inside none: the lone Kariuki links to Otieno Kariuki
        _ = try store.importStories([story("Kariuki in Nairobi", person: "Kariuki", place: "Nairobi")])
        #expect(try personKeys(store)["Kariuki in Nairobi"] == ["PER:otieno-kariuki"])
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
