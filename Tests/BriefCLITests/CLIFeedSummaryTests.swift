import BriefTestServer
import Foundation
import Testing

/// Honest summaries: a feed with no items says so and succeeds; one whose items are all unreadable fails with one
/// line saying why, through `brief import` and `brief fetch` alike.
@Suite("Feed summaries say what was read")
struct CLIFeedSummaryTests {
    static let empty = "<rss version=\"2.0\"><channel><title>Quiet Desk</title><link>https://quiet.example/</link></channel></rss>"
    static let hollow = "<rss version=\"2.0\"><channel><title>Hollow</title><item></item><item> </item></channel></rss>"
    static let hollowReason = "2 items, none readable: every item is empty (no title, link or text)"

    @Test("brief import: a feed with no items imports with exit 0 and says 'no items'")
    func importEmptyFeed() async throws {
        // Given a well-formed feed without items
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("brief.sqlite").path
        let file = dir.appendingPathComponent("quiet.xml")
        try Data(Self.empty.utf8).write(to: file)
        // When it is imported
        let result = try await BriefProcess.run(["import", "--db", db, file.path])
        // Then it succeeds and the one summary line says there were no items
        #expect(result.status == 0)
        #expect(result.stderr == "imported 0 new, 0 already present, 0 failed; \(file.path): no items\n")
    }

    @Test("brief fetch: a feed with no items says 'no items' (exit 0); one of unreadable items is one failure line")
    func fetchEmptyAndHollowFeeds() async throws {
        // Given a server with an empty feed, then also a feed of empty items
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("brief.sqlite").path
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/quiet", .ok(Self.empty))
        server.route("/hollow", .ok(Self.hollow))
        let quiet = server.url("/quiet").absoluteString, hollow = server.url("/hollow").absoluteString
        try await CLIFeedFormsTests.subscribe([quiet], db: db, in: dir)
        // When the empty one is fetched
        let first = try await BriefProcess.run(["fetch", "--db", db])
        // Then it succeeds saying there were no items
        #expect(first.status == 0)
        #expect(first.stderr == "fetched 1 feed: 0 new stories, 0 unchanged, 0 failed; \(quiet): no items\n")
        // When the hollow one is subscribed too and both are fetched
        try await CLIFeedFormsTests.subscribe([hollow], db: db, in: dir)
        let second = try await BriefProcess.run(["fetch", "--db", db])
        // Then the hollow one is one failure line saying why, exit 1
        #expect(second.status == 1)
        #expect(second.stderr.split(separator: "\n").map(String.init) == [
            "brief: fetch: \(hollow): \(Self.hollowReason)",
            "fetched 2 feeds: 0 new stories, 0 unchanged, 1 failed; \(quiet): no items",
        ])
        // And the reason is the feed's last error
        let feeds = try #require(try await CLIFixtures.json(BriefProcess.run(["feed", "list", "--json", "--db", db]).stdout)
            as? [[String: Any]])
        #expect(feeds.first { $0["url"] as? String == hollow }?["lastError"] as? String == Self.hollowReason)
    }
}
