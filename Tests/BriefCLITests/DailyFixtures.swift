import BriefTestServer
import Foundation

/// Feeds and helpers for the daily-use tests (issue 13), written in our own words.
enum DailyFixtures {
    /// A wire desk's feed: two dated items with links.
    static let wireFeed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Harbour Wire</title><link>https://harbour.example/</link>
        <item><title>Port authority opens new ferry berth</title><link>https://harbour.example/news/2026/11/ferry-berth</link>
        <guid>harbour-1</guid><pubDate>Mon, 23 Nov 2026 09:00:00 GMT</pubDate>
        <description>The port authority of Valletta opened a new ferry berth on Monday, its director said.</description></item>
        <item><title>Customs officers agree new rota</title><link>https://harbour.example/news/2026/11/customs-rota</link>
        <guid>harbour-2</guid><pubDate>Tue, 24 Nov 2026 09:00:00 GMT</pubDate>
        <description>Customs officers at the harbour agreed a new rota after talks with the ministry.</description></item>
        </channel></rss>
        """

    /// A ministry's feed: one item.
    static let ministryFeed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Ministry of the Sea</title>
        <item><title>Ministry sets tuna quota for next season</title><link>https://sea.example/quota</link>
        <guid>sea-1</guid><pubDate>Wed, 25 Nov 2026 09:00:00 GMT</pubDate>
        <description>The ministry set the tuna quota for the next season after meeting fishing cooperatives.</description></item>
        </channel></rss>
        """

    /// A feed in no folder: one item.
    static let looseFeed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Island Gazette</title>
        <item><title>Island council reopens the old lighthouse</title><link>https://gazette.example/lighthouse</link>
        <guid>gz-1</guid><pubDate>Thu, 26 Nov 2026 09:00:00 GMT</pubDate>
        <description>The island council reopened the old lighthouse to visitors on Thursday.</description></item>
        </channel></rss>
        """

    /// A cache subscribed, through OPML, to the harbour and ministry feeds in folder "Mediterranean" and the
    /// gazette in none, all three fetched from `server`. Returns the directory, the cache and the feeds' addresses.
    static func subscribedCache(_ server: TestHTTPServer) async throws -> (dir: URL, db: String, feeds: [String: String]) {
        let dir = try BriefProcess.temporaryDirectory()
        let db = dir.appendingPathComponent("brief.sqlite").path
        server.route("/harbour.xml", .ok(wireFeed))
        server.route("/ministry.xml", .ok(ministryFeed))
        server.route("/gazette.xml", .ok(looseFeed))
        let feeds = ["harbour": server.url("/harbour.xml").absoluteString,
                     "ministry": server.url("/ministry.xml").absoluteString,
                     "gazette": server.url("/gazette.xml").absoluteString]
        let opml = dir.appendingPathComponent("subs.opml")
        try Data("""
            <opml version="2.0"><head><title>Mine</title></head><body>
            <outline text="Mediterranean">
              <outline type="rss" text="Harbour Wire" xmlUrl="\(feeds["harbour"]!)"/>
              <outline type="rss" text="Ministry of the Sea" xmlUrl="\(feeds["ministry"]!)"/>
            </outline>
            <outline type="rss" text="Island Gazette" xmlUrl="\(feeds["gazette"]!)"/>
            </body></opml>
            """.utf8).write(to: opml)
        let imported = try await BriefProcess.run(["opml", "import", "--db", db, opml.path])
        guard imported.status == 0 else { throw CLIFailure("opml import failed: \(imported.stderr)") }
        let fetched = try await BriefProcess.run(["fetch", "--db", db])
        guard fetched.status == 0 else { throw CLIFailure("fetch failed: \(fetched.stderr)") }
        return (dir, db, feeds)
    }

    /// A cache in a new temporary directory holding the wire feed's two stories (imported from a file) and one
    /// plain story without a link. Returns the directory, the cache path and the ids by title.
    static func cache() async throws -> (dir: URL, db: String, ids: [String: Int]) {
        let dir = try BriefProcess.temporaryDirectory()
        let db = dir.appendingPathComponent("brief.sqlite").path
        try CLIFixtures.write(["wire.xml": Data(wireFeed.utf8), "ferry.txt": Data(CLIFixtures.ferryStory.utf8)],
                              in: dir.appendingPathComponent("in"))
        let result = try await BriefProcess.run(["import", "--db", db, dir.appendingPathComponent("in").path])
        guard result.status == 0 else { throw CLIFailure("import failed: \(result.stderr)") }
        let list = try CLIFixtures.json(try await BriefProcess.run(["list", "--json", "--db", db]).stdout) as? [[String: Any]] ?? []
        var ids: [String: Int] = [:]
        for story in list { if let title = story["title"] as? String, let id = story["id"] as? Int { ids[title] = id } }
        return (dir, db, ids)
    }

    /// A browser script in `dir` that appends each address it is given to `opened.txt`; with `waits`, it also
    /// says so on the terminal and waits for Enter, as a text-mode browser holds the terminal. Returns the
    /// BROWSER command that runs it.
    static func browser(in dir: URL, waits: Bool = false) throws -> (script: String, log: URL) {
        let log = dir.appendingPathComponent("opened.txt")
        let script = dir.appendingPathComponent("browser.sh")
        var body = "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '\(log.path)'\n"
        if waits { body += "printf '\\033[2J\\033[H'; echo 'TEXT BROWSER SHOWING' \"$1\"; read answer\n" }
        try body.write(to: script, atomically: true, encoding: .utf8)
        // Run through sh: executing a file just written can fail ("text file busy") while another test forks.
        return ("/bin/sh " + script.path, log)
    }

    struct CLIFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
