import Foundation
import Testing

@Suite("brief feed, brief opml and feed files in brief import")
struct FeedCommandTests {
    static let deskFeed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Harbour Desk</title><link>https://desk.example/</link>
        <item><guid>hd-1</guid><title>Ferry talks resume</title><link>https://desk.example/1</link>
        <pubDate>Tue, 03 Nov 2026 10:00:00 GMT</pubDate>
        <description>&lt;p&gt;Negotiators met on the quay.&lt;/p&gt;&lt;h3&gt;Next steps&lt;/h3&gt;&lt;p&gt;They meet again in spring.&lt;/p&gt;</description></item>
        <item><guid>hd-2</guid><title>Lighthouse repaired</title><link>https://desk.example/2</link>
        <description>The lamp shines again.</description></item>
        </channel></rss>
        """

    @Test("Feeds are added, listed as text and JSON, and removed; a bad address is refused")
    func addListRemove() async throws {
        // Given an empty cache
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("brief.sqlite").path
        // When two feeds are added, one with a title
        #expect(try await BriefProcess.run(["feed", "add", "--db", db, "https://news.example/world.xml", "--title", "World"]).status == 0)
        #expect(try await BriefProcess.run(["feed", "add", "--db", db, "https://ministry.example/rss"]).status == 0)
        // Then both are listed, in order, as text and as JSON with every key present
        let text = try await BriefProcess.run(["feed", "list", "--db", db])
        #expect(text.stdout.split(separator: "\n").map(String.init) == [
            "https://news.example/world.xml\t0 items\tWorld\tnever fetched",
            "https://ministry.example/rss\t0 items\tnever fetched",
        ])
        let json = try #require(try await CLIFixtures.json(BriefProcess.run(["feed", "list", "--json", "--db", db]).stdout)
            as? [[String: Any]])
        #expect(json.count == 2)
        #expect(json.first?["url"] as? String == "https://news.example/world.xml")
        #expect(json.first?["title"] as? String == "World")
        #expect(json.first?["tags"] as? [String] == [])
        #expect(json.first?["items"] as? Int == 0)
        #expect(json.first?["lastFetched"] is NSNull)
        #expect(json.first?["lastError"] is NSNull)
        // When one is removed, and an unknown one and a non-http address are tried
        #expect(try await BriefProcess.run(["feed", "remove", "--db", db, "https://news.example/world.xml"]).status == 0)
        let unknown = try await BriefProcess.run(["feed", "remove", "--db", db, "https://nowhere.example/feed"])
        let bad = try await BriefProcess.run(["feed", "add", "--db", db, "file:///etc/passwd"])
        // Then only the other stays, and each refusal is one line with exit 1
        #expect(try await BriefProcess.run(["feed", "list", "--db", db]).stdout.hasPrefix("https://ministry.example/rss\t"))
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "brief: feed remove: no feed https://nowhere.example/feed (see 'brief feed list')\n")
        #expect(bad.status == 1)
        #expect(bad.stderr == "brief: feed add: not an http or https address: file:///etc/passwd\n")
    }

    @Test("An OPML file's feeds are imported with folders as tags, and exported back the same")
    func opmlRoundTrip() async throws {
        // Given an OPML file with a folder of two feeds and one feed outside folders
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("brief.sqlite").path
        let opml = dir.appendingPathComponent("subs.opml")
        try Data("""
            <?xml version="1.0"?>
            <opml version="2.0"><head><title>Mine</title></head><body>
              <outline text="Ministries">
                <outline type="rss" text="Foreign Office" xmlUrl="https://fo.example/news.rss"/>
                <outline type="rss" text="Treaty Office" xmlUrl="https://treaty.example/atom"/>
              </outline>
              <outline type="rss" text="Wire" xmlUrl="https://wire.example/feed.json"/>
            </body></opml>
            """.utf8).write(to: opml)
        // When it is imported and exported
        let imported = try await BriefProcess.run(["opml", "import", "--db", db, opml.path])
        let exported = try await BriefProcess.run(["opml", "export", "--db", db])
        // Then three feeds are subscribed, tagged by folder
        #expect(imported.status == 0)
        #expect(imported.stderr == "added 3 feeds, 0 already subscribed, 0 skipped\n")
        let feeds = try #require(try await CLIFixtures.json(BriefProcess.run(["feed", "list", "--json", "--db", db]).stdout)
            as? [[String: Any]])
        #expect(feeds.map { $0["url"] as? String } == ["https://fo.example/news.rss", "https://treaty.example/atom",
                                                     "https://wire.example/feed.json"])
        #expect(feeds.map { $0["tags"] as? [String] } == [["Ministries"], ["Ministries"], []])
        // And importing the export into a fresh cache gives the same list
        #expect(exported.status == 0)
        #expect(exported.stdout.contains("<outline text=\"Ministries\""))
        let again = dir.appendingPathComponent("again.opml")
        try Data(exported.stdout.utf8).write(to: again)
        let db2 = dir.appendingPathComponent("second.sqlite").path
        #expect(try await BriefProcess.run(["opml", "import", "--db", db2, again.path]).status == 0)
        let first = try await BriefProcess.run(["feed", "list", "--db", db]).stdout
        #expect(try await BriefProcess.run(["feed", "list", "--db", db2]).stdout == first)
        #expect(try await BriefProcess.run(["opml", "export", "--db", db2]).stdout == exported.stdout)
    }

    @Test("A feed file is imported as one story per item, sectioned; a malformed one is a per-file failure")
    func importFeedFile() async throws {
        // Given a good RSS file and a truncated one
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("brief.sqlite").path
        let good = dir.appendingPathComponent("desk.xml")
        let bad = dir.appendingPathComponent("broken.rss")
        try Data(Self.deskFeed.utf8).write(to: good)
        try Data("<rss version=\"2.0\"><channel><title>Broken</title><item><title>Half".utf8).write(to: bad)
        // When both are imported
        let result = try await BriefProcess.run(["import", "--db", db, good.path, bad.path])
        // Then each item is a story with the feed's title as source, the bad file is named with its reason, exit 1
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("brief: import: \(bad.path): not a readable feed: ") })
        #expect(lines.contains("imported 2 new, 0 already present, 1 failed"))
        let list = try #require(try await CLIFixtures.json(BriefProcess.run(["list", "--json", "--db", db]).stdout)
            as? [[String: Any]])
        #expect(Set(list.compactMap { $0["title"] as? String }) == ["Ferry talks resume", "Lighthouse repaired"])
        #expect(list.allSatisfy { $0["source"] as? String == "Harbour Desk" })
        // And the HTML became paragraphs under a heading
        let ferry = try #require(list.first { $0["title"] as? String == "Ferry talks resume" }?["id"] as? Int)
        let shown = try await BriefProcess.run(["show", String(ferry), "--db", db]).stdout
        #expect(shown.contains("Negotiators met on the quay."))
        #expect(shown.contains("Next steps"))
        #expect(!shown.contains("<p>"))
        // When the file is imported again, nothing is added
        let again = try await BriefProcess.run(["import", "--db", db, good.path])
        #expect(again.stderr.contains("imported 0 new, 2 already present, 0 failed"))
    }
}
