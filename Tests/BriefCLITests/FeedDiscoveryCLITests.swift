import BriefTestServer
import Foundation
import Testing

/// `brief feed add PAGE`: a web page's `<link rel="alternate">` feeds, from the loopback server.
@Suite("brief feed add: feed autodiscovery")
struct FeedDiscoveryCLITests {
    static let feed = """
        <rss version="2.0"><channel><title>Ministry News</title><item><title>Minister visits Tallinn</title>
        <link>https://ministry.example/tallinn</link></item></channel></rss>
        """

    static func page(_ head: String) -> String {
        "<!DOCTYPE html><html><head><title>Ministry of Ports</title>\(head)</head><body><p>Welcome.</p></body></html>"
    }

    /// A cache directory and a server whose `/feed.xml` is a feed; both removed or stopped by the caller.
    static func setUp() throws -> (dir: URL, db: String, server: TestHTTPServer) {
        let dir = try BriefProcess.temporaryDirectory()
        let server = try TestHTTPServer()
        server.route("/feed.xml", .ok(feed))
        return (dir, dir.appendingPathComponent("brief.sqlite").path, server)
    }

    static func feedURLs(_ db: String) async throws -> [String] {
        let list = try #require(try await CLIFixtures.json(BriefProcess.run(["feed", "list", "--json", "--db", db]).stdout)
            as? [[String: Any]])
        return list.compactMap { $0["url"] as? String }
    }

    @Test("A page with one feed link subscribes to that feed; a feed's own address is subscribed as it is")
    func onePageOneFeed() async throws {
        // Given a page that links to its feed by a relative address
        let (dir, db, server) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: dir); server.stop() }
        server.route("/news/index.html", .ok(Self.page("""
            <link rel="stylesheet" href="/site.css"><link rel="alternate" type="application/rss+xml" \
            title="Ministry News" href="../feed.xml">
            """), type: "text/html; charset=utf-8"))
        let page = server.url("/news/index.html").absoluteString, feed = server.url("/feed.xml").absoluteString
        // When the page is added
        let result = try await BriefProcess.run(["feed", "add", "--db", db, page])
        // Then the feed is subscribed, not the page, and stderr says where it was found
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "found the feed \(feed) on \(page)\nadded \(feed)\n")
        #expect(try await Self.feedURLs(db) == [feed])
        // When the feed's own address is added
        let again = try await BriefProcess.run(["feed", "add", "--db", db, feed])
        // Then it is the same subscription
        #expect(again.status == 0)
        #expect(again.stderr == "already subscribed to \(feed)\n")
    }

    @Test("A page with several feeds lists them on stdout and asks to choose (exit 1, nothing subscribed)")
    func severalFeeds() async throws {
        let (dir, db, server) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: dir); server.stop() }
        server.route("/", .ok(Self.page("""
            <link rel="alternate" type="application/rss+xml" title="All news" href="/feed.xml">
            <LINK REL="Alternate" TYPE="application/atom+xml" TITLE="Speeches &amp; statements" HREF="/speeches.atom">
            <link rel="alternate" type="application/feed+json" href="https://json.example/feed.json">
            <link rel="alternate" type="application/rss+xml" href="/feed.xml">
            """), type: "text/html"))
        let page = server.url("/").absoluteString
        // When the page is added
        let result = try await BriefProcess.run(["feed", "add", "--db", db, page])
        // Then the three distinct feeds are listed, and one line asks to choose
        #expect(result.status == 1)
        #expect(result.stdout.split(separator: "\n").map(String.init) == [
            "\(server.url("/feed.xml").absoluteString)\trss\tAll news",
            "\(server.url("/speeches.atom").absoluteString)\tatom\tSpeeches & statements",
            "https://json.example/feed.json\tjson\t",
        ])
        #expect(result.stderr == "brief: feed add: \(page) offers 3 feeds (listed on stdout); choose one: "
            + "brief feed add FEED-URL\n")
        #expect(try await Self.feedURLs(db) == [])
    }

    @Test("A page without feed links, a huge page and a hostile page: one clear line each, nothing subscribed")
    func badPages() async throws {
        let (dir, db, server) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: dir); server.stop() }
        server.route("/plain.html", .ok(Self.page("<link rel=\"icon\" href=\"/favicon.ico\">"), type: "text/html"))
        server.route("/huge.html", TestHTTPServer.Response(status: 200, headers: [("Content-Type", "text/html")],
                                                           body: Data(repeating: UInt8(ascii: "a"), count: 10_000_001),
                                                           omitsLength: true))
        // Feed links only where no browser would see one: a script, a comment, a non-web address, a stylesheet.
        server.route("/hostile.html", .ok(Self.page("""
            <script>var s = '<link rel="alternate" type="application/rss+xml" href="/script.xml">';</script>
            <!-- <link rel="alternate" type="application/rss+xml" href="/comment.xml"> -->
            <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
            <link rel="alternate" type="application/atom+xml" href="file:///etc/passwd">
            <link rel="alternate stylesheet" type="application/rss+xml" href="/style.xml">
            """) + String(repeating: "<link rel=", count: 20_000) + "<", type: "text/html"))
        server.route("/image.png", TestHTTPServer.Response(status: 200, headers: [("Content-Type", "image/png")],
                                                           body: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])))
        let cases: [(String, String)] = [
            ("/plain.html", "a web page that links to no feed (no <link rel=\"alternate\"> of an RSS, Atom or JSON feed)"),
            ("/huge.html", "too large (over 10 MB)"),
            ("/hostile.html", "a web page that links to no feed (no <link rel=\"alternate\"> of an RSS, Atom or JSON feed)"),
            ("/image.png", "not a feed (content of type image/png)"),
            ("/missing.html", "http 404"),
        ]
        for (path, reason) in cases {
            // When the page is added
            let url = server.url(path).absoluteString
            let result = try await BriefProcess.run(["feed", "add", "--db", db, url])
            // Then it is one line naming the page and the reason, exit 1
            #expect(result.status == 1, "\(path)")
            #expect(result.stderr == "brief: feed add: \(url): \(reason)\n", "\(path)")
            #expect(result.stdout.isEmpty, "\(path)")
        }
        #expect(try await Self.feedURLs(db) == [])
    }

    @Test("An address that cannot be reached now is subscribed to anyway, saying so")
    func unreachable() async throws {
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("brief.sqlite").path
        let url = "http://127.0.0.1:\(try TestHTTPServer.closedPort())/feed.xml"
        let result = try await BriefProcess.run(["feed", "add", "--db", db, url])
        #expect(result.status == 0)
        #expect(result.stderr == "not checked now (connection refused): 'brief fetch' will try \(url)\nadded \(url)\n")
        #expect(try await Self.feedURLs(db) == [url])
    }
}
