@testable import BriefStore
import Foundation
import GRDB
import Testing

@Suite("brief list, show, mark and count")
struct CLIReadingTests {
    /// A cache holding the ferry story (id 1, dated by front matter) and the grain story (id 2, undated).
    private func cacheWithTwoStories() async throws -> (dir: URL, db: String) {
        let dir = try BriefProcess.temporaryDirectory()
        let db = dir.appendingPathComponent("brief.sqlite").path
        let ferry = "---\ndate: 2026-11-02\n---\n" + CLIFixtures.ferryStory
        try CLIFixtures.write(["1-ferry.txt": Data(ferry.utf8), "2-grain.md": Data(CLIFixtures.grainStory.utf8)],
                              in: dir.appendingPathComponent("in"))
        let result = try await BriefProcess.run(["import", "--db", db, dir.appendingPathComponent("in").path])
        #expect(result.status == 0, "import failed: \(result.stderr)")
        return (dir, db)
    }

    @Test("list --json is one array of stories with exactly the documented keys")
    func listJSONShape() async throws {
        let (dir, db) = try await cacheWithTwoStories()
        defer { try? FileManager.default.removeItem(at: dir) }

        let result = try await BriefProcess.run(["list", "--json", "--db", db])

        #expect(result.status == 0 && result.stderr.isEmpty)
        let list = try #require(try CLIFixtures.json(result.stdout) as? [[String: Any]])
        #expect(list.count == 2)
        for story in list {
            #expect(Set(story.keys) == ["id", "title", "source", "published", "imported", "read", "topEntities",
                                        "starred"])
            #expect(story["starred"] as? Bool == false)
            #expect(story["read"] as? Bool == false)
        }
        // Undated (imported now) first, then the dated one; dates are ISO 8601 UTC or null
        #expect(list.map { $0["title"] as? String } == ["Grain corridor insurers raise premiums",
                                                        "Ferry talks resume between island states"])
        #expect(list[0]["published"] is NSNull)
        #expect(list[1]["published"] as? String == "2026-11-02T00:00:00Z")
        // The file's name, not where it was on the importer's disk
        #expect(list[1]["source"] as? String == "1-ferry.txt")
    }

    @Test("show --json has the documented shape: dateline, sections with paragraphs and mentions, quotes, entities")
    func showJSONShape() async throws {
        let (dir, db) = try await cacheWithTwoStories()
        defer { try? FileManager.default.removeItem(at: dir) }

        let result = try await BriefProcess.run(["show", "1", "--json", "--db", db])

        #expect(result.status == 0 && result.stderr.isEmpty)
        let story = try #require(try CLIFixtures.json(result.stdout) as? [String: Any])
        #expect(Set(story.keys) == ["id", "title", "source", "published", "imported", "read", "starred", "link", "guid", "feed",
                                    "dateline", "sections", "quotes", "entities"])
        // A story from a text file has no feed item: its link, guid and feed are null, not missing
        #expect(story["link"] is NSNull && story["guid"] is NSNull && story["feed"] is NSNull)
        #expect(story["starred"] as? Bool == false)
        #expect(story["id"] as? Int == 1)
        let dateline = try #require(story["dateline"] as? [String: Any])
        #expect(dateline["places"] as? [String] == ["VALLETTA"])
        #expect(dateline["agency"] as? String == "Brief Wire")
        let sections = try #require(story["sections"] as? [[String: Any]])
        #expect(sections.first?["kind"] as? String == "lede")
        for section in sections {
            #expect(Set(section.keys) == ["kind", "title", "paragraphs"])
            for paragraph in try #require(section["paragraphs"] as? [[String: Any]]) {
                #expect(Set(paragraph.keys) == ["text", "mentions"])
                for mention in try #require(paragraph["mentions"] as? [[String: Any]]) {
                    #expect(Set(mention.keys) == ["start", "end", "type", "entity", "text"])
                    #expect(["PER", "ORG", "LOC", "MISC"].contains(mention["type"] as? String ?? ""))
                }
            }
        }
        let quotes = try #require(story["quotes"] as? [[String: Any]])
        #expect(quotes.first?["text"] as? String == "We want one ticket for the whole route")
        #expect(quotes.allSatisfy { Set($0.keys) == ["text", "speaker", "speakerEntity", "description", "translation"] })
        for entity in try #require(story["entities"] as? [[String: Any]]) {
            #expect(Set(entity.keys) == ["key", "name", "type", "mentions", "aliases", "canonicalName", "knownAliases",
                                         "country"])
        }
    }

    @Test("A story without a dateline shows places [] and agency null")
    func showWithoutDateline() async throws {
        let (dir, db) = try await cacheWithTwoStories()
        defer { try? FileManager.default.removeItem(at: dir) }
        let story = try #require(try await CLIFixtures.json(BriefProcess.run(["show", "2", "--json", "--db", db]).stdout)
                                    as? [String: Any])
        let dateline = try #require(story["dateline"] as? [String: Any])
        #expect((dateline["places"] as? [Any])?.isEmpty == true)
        #expect(dateline["agency"] is NSNull)
        #expect((story["sections"] as? [[String: Any]])?.contains { $0["title"] as? String == "Markets" } == true)
    }

    @Test("show prints the story as plain text: headline, dateline as the reader shows it, paragraphs and quotes")
    func showPlain() async throws {
        let (dir, db) = try await cacheWithTwoStories()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try await BriefProcess.run(["show", "1", "--db", db])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Ferry talks resume between island states")
        #expect(lines.count > 1 && lines[1].hasPrefix("VALLETTA · Brief Wire · 2026-11-02"))
        #expect(result.stdout.contains("Officials expect a draft agreement before the summer season."))
        #expect(result.stdout.contains("“We want one ticket for the whole route”"))
    }

    @Test("mark and count: read, unread and --all change the unread count; list marks unread stories")
    func markAndCount() async throws {
        let (dir, db) = try await cacheWithTwoStories()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try await BriefProcess.run(["count", "--unread", "--db", db]).stdout == "2\n")

        #expect(try await BriefProcess.run(["mark", "read", "1", "--db", db]).status == 0)
        #expect(try await BriefProcess.run(["count", "--unread", "--db", db]).stdout == "1\n")
        let plain = try await BriefProcess.run(["list", "--db", db]).stdout
        #expect(plain.split(separator: "\n").map { $0.prefix(4) } == ["* 2\t", "  1\t"])
        #expect(try await BriefProcess.run(["list", "--unread", "--json", "--db", db]).stdout.contains("\"id\":2"))

        #expect(try await BriefProcess.run(["mark", "read", "--all", "--db", db]).status == 0)
        #expect(try await BriefProcess.run(["count", "--unread", "--db", db]).stdout == "0\n")
        #expect(try await BriefProcess.run(["mark", "unread", "1", "2", "--db", db]).status == 0)
        #expect(try await BriefProcess.run(["count", "--unread", "--db", db]).stdout == "2\n")
        // --all works both ways
        #expect(try await BriefProcess.run(["mark", "read", "--all", "--db", db]).status == 0)
        #expect(try await BriefProcess.run(["mark", "unread", "--all", "--db", db]).status == 0)
        #expect(try await BriefProcess.run(["count", "--unread", "--db", db]).stdout == "2\n")
        #expect(try await BriefProcess.run(["count", "--db", db]).stdout == "2\n")
    }

    @Test("An unknown id is one clear error line, a non-zero exit, and changes nothing")
    func unknownID() async throws {
        let (dir, db) = try await cacheWithTwoStories()
        defer { try? FileManager.default.removeItem(at: dir) }

        let show = try await BriefProcess.run(["show", "99", "--db", db])
        #expect(show.status == 1 && show.stdout.isEmpty)
        #expect(show.stderr == "brief: show: no story with id 99\n")

        let mark = try await BriefProcess.run(["mark", "read", "1", "99", "--db", db])
        #expect(mark.status == 1)
        #expect(mark.stderr == "brief: mark: no story with id 99\n")
        #expect(try await BriefProcess.run(["count", "--unread", "--db", db]).stdout == "2\n")
    }

    @Test("Bad arguments are one error line with a non-zero exit")
    func badArguments() async throws {
        for args in [["show", "abc"], ["mark", "sideways", "1"], ["mark", "read", "--all", "1"], ["mark", "read"],
                     ["star"], ["unstar", "x"], ["frobnicate"]] {
            let result = try await BriefProcess.run(args + ["--db", "/nonexistent/brief.sqlite"])
            #expect(result.status != 0, "\(args)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("brief: ") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        }
    }

    @Test("--help works for brief and each command, on stdout with exit 0")
    func help() async throws {
        for args in [["--help"], ["import", "--help"], ["list", "--help"], ["show", "--help"], ["mark", "--help"],
                     ["count", "--help"]] {
            let result = try await BriefProcess.run(args)
            #expect(result.status == 0, "\(args)")
            #expect(result.stdout.contains("USAGE:") && result.stdout.contains("--db"), "\(args)")
        }
    }

    @Test("BRIEF_DB names the cache when --db is absent")
    func briefDBEnvironment() async throws {
        let (dir, db) = try await cacheWithTwoStories()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try await BriefProcess.run(["count"], environment: ["BRIEF_DB": db]).stdout == "2\n")
    }

    @Test("show of a story whose text is damaged (plain, JSON): one line naming it, exit 1; nothing lost, the rest reads")
    func showDamagedStory() async throws {
        // Given a cache of two stories, the first read, whose text blob was then damaged
        let (dir, db) = try await cacheWithTwoStories()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try await BriefProcess.run(["mark", "read", "1", "--db", db]).status == 0)
        do {
            let store = try Store(path: db)
            try await store.writer.write { db in
                try db.execute(sql: "UPDATE stories SET body = x'789c0102' WHERE id = 1")
            }
        }

        // When it is shown, as text and as JSON
        for json in [false, true] {
            let shown = try await BriefProcess.run(["show", "1", "--db", db] + (json ? ["--json"] : []))
            // Then one line says which story, with exit status 1 and nothing on stdout
            #expect(shown.status == 1)
            #expect(shown.stdout.isEmpty)
            #expect(shown.stderr.hasSuffix("story 1's text in the cache is damaged and cannot be read; "
                                           + "the cache was left unchanged\n"), "\(shown.stderr)")
            #expect(shown.stderr.split(separator: "\n").count == 1, "\(shown.stderr)")
        }
        // And the cache is as it was: the damaged text neither dropped nor replaced, both stories listed, the read
        // mark kept, the other story shown. (Bytes are not compared: GRDB's pool writes and drops a table at every
        // open, which moves the file's change counter.)
        let body = try await Store(path: db).writer.read { db in
            try Data.fetchOne(db, sql: "SELECT body FROM stories WHERE id = 1")
        }
        #expect(body == Data([0x78, 0x9C, 0x01, 0x02]))
        let list = try await BriefProcess.run(["list", "--json", "--db", db])
        let listed = try #require(try CLIFixtures.json(list.stdout) as? [[String: Any]])
        #expect(Set(listed.compactMap { $0["id"] as? Int }) == [1, 2])
        #expect(listed.first { $0["id"] as? Int == 1 }?["read"] as? Bool == true)
        let other = try await BriefProcess.run(["show", "2", "--db", db])
        #expect(other.status == 0 && other.stdout.contains("Grain corridor insurers raise premiums"))
    }
}
