import BriefTestServer
import Foundation
import Testing

/// Every feed form issue 14 lists, read the same through `brief import` (files) and `brief fetch` (the loopback
/// server): titles, bodies, links, ids and dates as `brief show --json` gives them, and the summaries' notes.
@Suite("Feed forms through brief import and brief fetch")
struct CLIFeedFormsTests {
    static var storyCount: Int { FeedFormFixtures.all.reduce(0) { $0 + $1.stories.count } }

    @Test("brief import reads every form, and its summary names the guessed encoding and the recovery")
    func importEveryForm() async throws {
        // Given one file per form
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("brief.sqlite").path
        let input = dir.appendingPathComponent("in")
        try CLIFixtures.write(Dictionary(uniqueKeysWithValues: FeedFormFixtures.all.map { ($0.name, $0.body) }), in: input)
        let paths = FeedFormFixtures.all.map { input.appendingPathComponent($0.name).path }
        // When they are imported
        let result = try await BriefProcess.run(["import", "--db", db] + paths)
        // Then every story is stored, exit 0, and the summary line says how the odd ones were read
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(result.stderr.split(separator: "\n").last.map(String.init))
        #expect(summary.hasPrefix("imported \(Self.storyCount) new, 0 already present, 0 failed; "))
        for fixture in FeedFormFixtures.all {
            guard let note = fixture.note else { continue }
            #expect(summary.contains("\(input.appendingPathComponent(fixture.name).path): \(note)"), "\(fixture.name)")
        }
        try await Self.expectStories(db: db)
    }

    @Test("brief fetch reads every form from the loopback server, and its summary carries the same notes")
    func fetchEveryForm() async throws {
        // Given a server with one feed per form, all subscribed
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("brief.sqlite").path
        let server = try TestHTTPServer()
        defer { server.stop() }
        for fixture in FeedFormFixtures.all {
            server.route("/\(fixture.name)", TestHTTPServer.Response(status: 200, headers: [("Content-Type", fixture.contentType)],
                                                                   body: fixture.body))
        }
        try await Self.subscribe(FeedFormFixtures.all.map { server.url("/\($0.name)").absoluteString }, db: db, in: dir)
        // When they are fetched
        let result = try await BriefProcess.run(["fetch", "--db", db])
        // Then every story is stored, exit 0, and the summary line names the feeds read in an odd way
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(result.stderr.split(separator: "\n").last.map(String.init))
        let count = FeedFormFixtures.all.count
        #expect(summary.hasPrefix("fetched \(count) feeds: \(Self.storyCount) new stories, 0 unchanged, 0 failed; "))
        for fixture in FeedFormFixtures.all {
            guard let note = fixture.note else { continue }
            #expect(summary.contains("\(server.url("/\(fixture.name)").absoluteString): \(note)"), "\(fixture.name)")
        }
        try await Self.expectStories(db: db)
    }

    // MARK: - Helpers

    /// Subscribes to `urls` in one `brief opml import` (one process, no network).
    static func subscribe(_ urls: [String], db: String, in dir: URL) async throws {
        let outlines = urls.map { "<outline type=\"rss\" text=\"feed\" xmlUrl=\"\($0)\"/>" }.joined(separator: "\n")
        let opml = dir.appendingPathComponent("subs.opml")
        try Data("<opml version=\"2.0\"><head><title>t</title></head><body>\(outlines)</body></opml>".utf8).write(to: opml)
        let added = try await BriefProcess.run(["opml", "import", "--db", db, opml.path])
        #expect(added.status == 0, "\(added.stderr)")
    }

    /// Every fixture story is in the cache at `db` with its title, text, link, guid and date.
    static func expectStories(db: String) async throws {
        let list = try #require(try await CLIFixtures.json(BriefProcess.run(["list", "--json", "--db", db]).stdout)
            as? [[String: Any]])
        #expect(list.count == storyCount)
        let ids = Dictionary(list.compactMap { row in (row["title"] as? String).map { ($0, row["id"] as? Int) } },
                             uniquingKeysWith: { first, _ in first })
        for fixture in FeedFormFixtures.all {
            for expected in fixture.stories {
                guard let id = ids[expected.title] ?? nil else {
                    Issue.record("\(fixture.name): no story titled \(expected.title); titles: \(ids.keys.sorted())")
                    continue
                }
                let shown = try await BriefProcess.run(["show", "--json", "--db", db, String(id)])
                let story = try #require(try CLIFixtures.json(shown.stdout) as? [String: Any])
                #expect(story["link"] as? String == expected.link, "\(fixture.name): link")
                #expect(story["guid"] as? String == expected.guid, "\(fixture.name): guid")
                #expect(story["published"] as? String == expected.published, "\(fixture.name): published")
                let sections = story["sections"] as? [[String: Any]] ?? []
                let text = sections.flatMap { ($0["paragraphs"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String } }
                    .joined(separator: " ")
                #expect(text.contains(expected.text), "\(fixture.name): text was \(text)")
            }
        }
    }
}
