@testable import BriefStore
import Foundation
import GRDB
import Testing

/// `brief entities` and `brief entity NAME` on the bundled samples (tagged by the shipped model). The
/// expectations are derived from `brief show --json`, so they hold whatever the model finds.
@Suite("brief entities and brief entity", .serialized)
struct EntityCLITests {
    struct ListedEntity: Decodable, Equatable {
        var key: String
        var name: String
        var type: String
        var stories: Int
        var mentions: Int
    }

    struct EntityPage: Decodable {
        struct Story: Decodable {
            var id: Int64
            var title: String
            var published: String?
            var read: Bool
            var sentence: String
        }
        var key: String
        var name: String
        var type: String
        var aliases: [String]
        var stories: [Story]
    }

    struct ShownStory: Decodable {
        struct Entity: Decodable {
            var key: String
            var mentions: Int
        }
        var id: Int64
        var entities: [Entity]
    }

    /// A cache holding the samples.
    private func samples() async throws -> (dir: URL, db: String) {
        let dir = try BriefProcess.temporaryDirectory()
        let db = dir.appendingPathComponent("brief.sqlite").path
        let result = try await BriefProcess.run(["import", "--samples", "--db", db])
        try #require(result.status == 0, "import failed: \(result.stderr)")
        return (dir, db)
    }

    private func entities(_ db: String) async throws -> [ListedEntity] {
        let result = try await BriefProcess.run(["entities", "--json", "--db", db])
        try #require(result.status == 0 && result.stderr.isEmpty, "entities failed: \(result.stderr)")
        return try JSONDecoder().decode([ListedEntity].self, from: Data(result.stdout.utf8))
    }

    @Test("entities --json lists every entity once, most mentioned first, with counts that match the stories")
    func entitiesJSON() async throws {
        let (dir, db) = try await samples()
        defer { try? FileManager.default.removeItem(at: dir) }
        let listed = try await entities(db)
        #expect(!listed.isEmpty)
        #expect(Set(listed.map(\.key)).count == listed.count)
        #expect(zip(listed, listed.dropFirst()).allSatisfy { $0.mentions >= $1.mentions })
        #expect(listed.allSatisfy { ["PER", "ORG", "LOC", "MISC"].contains($0.type) && $0.stories >= 1 })
        // The exact keys of each object
        let raw = try #require(try await CLIFixtures.json(BriefProcess.run(["entities", "--json", "--db", db]).stdout) as? [[String: Any]])
        #expect(raw.allSatisfy { Set($0.keys) == ["key", "name", "type", "stories", "mentions", "canonicalName",
                                                   "knownAliases", "country"] })
        // A name the knowledge base knows carries its canonical name and other names, a place its country
        let eu = try #require(raw.first { $0["key"] as? String == "ORG:european-union" })
        #expect(eu["canonicalName"] as? String == "European Union")
        #expect((eu["knownAliases"] as? [String])?.contains("EU") == true)
        #expect(raw.contains { $0["type"] as? String == "LOC" && $0["country"] is String })
        // Counts agree with the stories' own entity lists
        let list = try await BriefProcess.run(["list", "--json", "--db", db])
        let ids = try #require(try CLIFixtures.json(list.stdout) as? [[String: Any]]).compactMap { $0["id"] as? Int }
        var stories: [String: Int] = [:], mentions: [String: Int] = [:]
        for id in ids {
            let shown = try await JSONDecoder().decode(ShownStory.self, from: Data(
                BriefProcess.run(["show", "\(id)", "--json", "--db", db]).stdout.utf8))
            for entity in shown.entities {
                stories[entity.key, default: 0] += 1
                mentions[entity.key, default: 0] += entity.mentions
            }
        }
        for entity in listed {
            #expect(stories[entity.key] == entity.stories, "\(entity.key) stories")
            #expect(mentions[entity.key] == entity.mentions, "\(entity.key) mentions")
        }
    }

    @Test("entities prints a table with a header and one row per entity")
    func entitiesPlain() async throws {
        let (dir, db) = try await samples()
        defer { try? FileManager.default.removeItem(at: dir) }
        let listed = try await entities(db)
        let result = try await BriefProcess.run(["entities", "--db", db])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("MENTIONS  STORIES  TYPE  NAME") == true)
        #expect(lines.count == listed.count + 1)
        let first = try #require(listed.first)
        #expect(lines[1].hasSuffix(first.key) && lines[1].contains(first.name))
    }

    @Test("entity KEY --json shows every story mentioning it, newest first, with the sentence of the mention")
    func entityJSON() async throws {
        let (dir, db) = try await samples()
        defer { try? FileManager.default.removeItem(at: dir) }
        let entity = try #require(try await entities(db).first { $0.stories >= 2 })
        let result = try await BriefProcess.run(["entity", entity.key, "--json", "--db", db])
        #expect(result.status == 0 && result.stderr.isEmpty)
        let page = try JSONDecoder().decode(EntityPage.self, from: Data(result.stdout.utf8))
        #expect(page.key == entity.key && page.name == entity.name && page.type == entity.type)
        #expect(page.stories.count == entity.stories)
        let dates = page.stories.compactMap(\.published)
        #expect(dates == dates.sorted(by: >))
        #expect(page.stories.allSatisfy { !$0.read && !$0.sentence.isEmpty && !$0.sentence.contains("\n") })
        // Each sentence holds the entity under its name or one of its aliases
        let names = [page.name] + page.aliases
        #expect(page.stories.allSatisfy { story in names.contains { story.sentence.contains($0) } })
        let raw = try #require(try CLIFixtures.json(result.stdout) as? [String: Any])
        #expect(Set(raw.keys) == ["key", "name", "type", "aliases", "canonicalName", "knownAliases", "country",
                                  "stories"])
        let firstStory = try #require((raw["stories"] as? [[String: Any]])?.first)
        #expect(Set(firstStory.keys) == ["id", "title", "published", "read", "sentence"])

        // The exact name, any case, and a unique part of it find the same entity
        for name in [entity.name, entity.name.uppercased()] {
            let byName = try await BriefProcess.run(["entity", name, "--json", "--db", db])
            #expect(try JSONDecoder().decode(EntityPage.self, from: Data(byName.stdout.utf8)).key == entity.key)
        }
        // Reading a story shows in the page
        let story = try #require(page.stories.first)
        _ = try await BriefProcess.run(["mark", "read", "\(story.id)", "--db", db])
        let after = try await BriefProcess.run(["entity", entity.key, "--json", "--db", db])
        #expect(try JSONDecoder().decode(EntityPage.self, from: Data(after.stdout.utf8)).stories.first?.read == true)
    }

    @Test("entity NAME prints the name, type, and each story with its sentence")
    func entityPlain() async throws {
        let (dir, db) = try await samples()
        defer { try? FileManager.default.removeItem(at: dir) }
        let entity = try #require(try await entities(db).first { $0.stories >= 2 })
        let result = try await BriefProcess.run(["entity", entity.key, "--db", db])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix(Substring(entity.name + " (")) == true)
        #expect(lines.filter { $0.hasPrefix("* ") }.count == entity.stories)
        #expect(!result.stdout.contains("\u{1B}"))
        // One mention in one story is said in the singular
        let single = try #require(try await entities(db).first { $0.stories == 1 && $0.mentions == 1 })
        let once = try await BriefProcess.run(["entity", single.key, "--db", db])
        #expect(once.stdout.split(separator: "\n").dropFirst().first == "1 mention in 1 story", "\(once.stdout)")
    }

    @Test("An ambiguous name lists the candidates; an unknown one says so; both exit non-zero")
    func ambiguousAndUnknown() async throws {
        let (dir, db) = try await samples()
        defer { try? FileManager.default.removeItem(at: dir) }
        let listed = try await entities(db)
        // A piece of text two names share (but neither is exactly)
        var shared: String?
        search: for entity in listed where entity.name.count >= 5 {
            let part = String(entity.name.prefix(4))
            let matching = listed.filter { $0.name.localizedCaseInsensitiveContains(part) }
            if matching.count >= 2, !matching.contains(where: { $0.name.lowercased() == part.lowercased() }) {
                shared = part
                break search
            }
        }
        let part = try #require(shared)
        let ambiguous = try await BriefProcess.run(["entity", part, "--db", db])
        #expect(ambiguous.status != 0)
        #expect(ambiguous.stdout.isEmpty)
        #expect(ambiguous.stderr.hasPrefix("brief: entity: \"\(part)\" matches "))
        #expect(ambiguous.stderr.split(separator: "\n").count == 1)
        let unknown = try await BriefProcess.run(["entity", "Nowhere-In-Particular", "--db", db])
        #expect(unknown.status != 0)
        #expect(unknown.stderr == "brief: entity: no entity matches \"Nowhere-In-Particular\" (see `brief entities`)\n")
    }

    /// A copy of the cache the first shipped schema wrote (three stories, two read), in a folder of its own.
    private func copyOfV1Cache() throws -> (dir: URL, db: String) {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("BriefStoreTests/Fixtures/v1-cache.sqlite")
        let dir = try BriefProcess.temporaryDirectory()
        let db = dir.appendingPathComponent("brief.sqlite").path
        try FileManager.default.copyItem(atPath: fixture.path, toPath: db)
        return (dir, db)
    }

    @Test("reannotate re-tags a cache from an older Brief, keeps its read marks, and then has nothing to do")
    func reannotateOlderCache() async throws {
        // Given a copy of a cache written by the first shipped schema (three stories, two read)
        let (dir, db) = try copyOfV1Cache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let readBefore = try await BriefProcess.run(["count", "--unread", "--db", db]).stdout

        // When it is re-annotated
        let first = try await BriefProcess.run(["reannotate", "--db", db])

        // Then every story is re-tagged (no progress line when stderr is not a terminal), read marks stay,
        // and its places carry their country
        #expect(first.status == 0 && first.stdout.isEmpty)
        #expect(first.stderr == "re-annotated 3 stories\n")
        #expect(try await BriefProcess.run(["count", "--unread", "--db", db]).stdout == readBefore)
        let listing = try await BriefProcess.run(["entities", "--json", "--db", db])
        let raw = try #require(try CLIFixtures.json(listing.stdout)
                               as? [[String: Any]])
        #expect(raw.contains { $0["key"] as? String == "LOC:kisumu" && $0["country"] as? String == "Kenya" })

        // And a second run has nothing to do
        let second = try await BriefProcess.run(["reannotate", "--db", db])
        #expect(second.status == 0 && second.stderr == "every story is up to date\n")
    }

    @Test("reannotate names a story whose text is damaged, re-tags the others, and exits 1 without touching it")
    func reannotateDamagedStory() async throws {
        // Given a copy of a cache from an older Brief, one story's text blob damaged once this build opened it
        let (dir, db) = try copyOfV1Cache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let damaged = try await {
            let store = try Store(path: db)
            let id = try #require(try store.summaries().map(\.id).min())
            try await store.writer.write { db in
                try db.execute(sql: "UPDATE stories SET body = x'789c0102' WHERE id = ?", arguments: [id])
            }
            return id
        }()

        // When it is re-annotated, twice
        let first = try await BriefProcess.run(["reannotate", "--db", db])
        let second = try await BriefProcess.run(["reannotate", "--db", db])

        // Then the others are re-tagged and the damaged story is named, with exit status 1 each time
        let named = "brief: reannotate: story \(damaged)'s text in the cache is damaged and cannot be read; "
            + "it was left as it was\n"
        #expect(first.status == 1 && first.stdout.isEmpty)
        #expect(first.stderr == "re-annotated 2 stories\n" + named, "\(first.stderr)")
        #expect(second.status == 1)
        #expect(second.stderr == "re-annotated no story\n" + named, "\(second.stderr)")
        // And its blob is as it was
        let body = try await Store(path: db).writer.read { db in
            try Data.fetchOne(db, sql: "SELECT body FROM stories WHERE id = ?", arguments: [damaged])
        }
        #expect(body == Data([0x78, 0x9C, 0x01, 0x02]))
    }
}
