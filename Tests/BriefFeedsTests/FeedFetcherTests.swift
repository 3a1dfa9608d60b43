import BriefFeeds
import BriefModel
import BriefTestServer
import Foundation
import Synchronization
import Testing

@Suite("Fetching feeds over HTTP")
struct FeedFetcherTests {
    static func rss(_ title: String, items: Int = 1) -> String {
        var xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>\(title)</title>"
        for n in 0..<items {
            xml += "<item><guid>\(title)-\(n)</guid><title>Story \(n)</title><description>Body \(n).</description></item>"
        }
        return xml + "</channel></rss>"
    }

    /// Limits generous enough for a loaded 2-core machine running the whole suite in parallel (a good feed never
    /// times out there); the tests of timeouts set their own short ones.
    static let options = FeedFetchOptions(requestTimeout: 60, resourceTimeout: 120, maxBytes: 100_000, maxRedirects: 3)

    @Test("A 200 response is parsed, and its ETag and Last-Modified come back as validators")
    func ok() async throws {
        // Given a server with a feed that sends validators
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/feed", .ok(Self.rss("Quay Desk", items: 2),
                                  headers: [("ETag", "\"v1\""), ("Last-Modified", "Tue, 03 Jun 2025 12:05:00 GMT")]))
        // When it is fetched
        let result = await FeedFetcher(options: Self.options).fetch(FeedRequest(url: server.url("/feed")))
        // Then the document and validators are returned and the request asked for compressed feeds
        let fetched = try #require(result.fetched)
        #expect(fetched.document.title == "Quay Desk")
        #expect(fetched.document.items.count == 2)
        #expect(fetched.validators == FeedValidators(etag: "\"v1\"", lastModified: "Tue, 03 Jun 2025 12:05:00 GMT"))
        #expect(fetched.finalURL == server.url("/feed"))
        let sent = try #require(server.requests.first)
        #expect(sent.headers["if-none-match"] == nil)
        #expect(sent.headers["accept-encoding"]?.contains("gzip") == true)
        #expect(sent.headers["user-agent"]?.hasPrefix("Brief/") == true)
    }

    @Test("A matching ETag is sent as If-None-Match and the 304 is reported as not modified")
    func notModifiedByETag() async throws {
        // Given a server that answers 304 when the client already has version v1
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/feed") { request in
            request.headers["if-none-match"] == "\"v1\"" ? TestHTTPServer.Response(status: 304)
                : .ok(Self.rss("x"), headers: [("ETag", "\"v1\"")])
        }
        // When the feed is fetched with that ETag
        let request = FeedRequest(url: server.url("/feed"), validators: FeedValidators(etag: "\"v1\""))
        let result = await FeedFetcher(options: Self.options).fetch(request)
        // Then the outcome is "not modified", keeping the validators
        #expect(result.outcome == .notModified(FeedValidators(etag: "\"v1\"")))
    }

    @Test("Downloading and reading apart: a body waits unparsed; a 304 or a failure needs no reading")
    func downloadThenRead() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/feed") { request in
            request.headers["if-none-match"] == "\"v1\"" ? TestHTTPServer.Response(status: 304)
                : .ok(Self.rss("Quay Desk", items: 2), headers: [("ETag", "\"v1\"")])
        }
        server.route("/gone", TestHTTPServer.Response(status: 404))
        let fetcher = FeedFetcher(options: Self.options)
        let body = await fetcher.download(FeedRequest(url: server.url("/feed")))
        #expect(body.hasBody)
        #expect(fetcher.read(body).fetched?.document.items.count == 2)
        let unchanged = await fetcher.download(FeedRequest(url: server.url("/feed"),
                                                           validators: FeedValidators(etag: "\"v1\"")))
        #expect(!unchanged.hasBody)
        #expect(fetcher.read(unchanged).outcome == .notModified(FeedValidators(etag: "\"v1\"")))
        let gone = await fetcher.download(FeedRequest(url: server.url("/gone")))
        #expect(!gone.hasBody)
        #expect(fetcher.read(gone).error?.reason == .http(status: 404))
    }

    @Test("A Last-Modified date is sent as If-Modified-Since and the 304 is reported as not modified")
    func notModifiedByDate() async throws {
        let stamp = "Tue, 03 Jun 2025 12:05:00 GMT"
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/feed") { request in
            request.headers["if-modified-since"] == stamp ? TestHTTPServer.Response(status: 304) : .ok(Self.rss("x"))
        }
        let request = FeedRequest(url: server.url("/feed"), validators: FeedValidators(lastModified: stamp))
        let result = await FeedFetcher(options: Self.options).fetch(request)
        #expect(result.outcome == .notModified(FeedValidators(lastModified: stamp)))
        #expect(server.requests.first?.headers["if-none-match"] == nil)
    }

    @Test("A 404 is a failure whose one-line message names the feed and the status")
    func notFound() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let url = server.url("/missing")
        let result = await FeedFetcher(options: Self.options).fetch(FeedRequest(url: url))
        #expect(result.error?.description == "\(url.absoluteString): http 404")
    }

    @Test("A 301 then 302 redirect chain is followed and the final address reported")
    func redirectChain() async throws {
        // Given /old → (301) /moved → (302) /feed
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/old", .redirect(301, to: "/moved"))
        server.route("/moved", .redirect(302, to: server.url("/feed").absoluteString))
        server.route("/feed", .ok(Self.rss("Moved Desk")))
        // When the old address is fetched
        let result = await FeedFetcher(options: Self.options).fetch(FeedRequest(url: server.url("/old")))
        // Then the feed arrives from the final address, and a temporary hop means "not moved permanently"
        let fetched = try #require(result.fetched)
        #expect(fetched.document.title == "Moved Desk")
        #expect(fetched.finalURL == server.url("/feed"))
        #expect(fetched.movedPermanently == false)
        #expect(server.requests.map(\.target) == ["/old", "/moved", "/feed"])
    }

    @Test("A feed moved with 301 is reported as moved permanently, so its address can be updated")
    func permanentRedirect() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/old", .redirect(301, to: "/new"))
        server.route("/new", .ok(Self.rss("New home")))
        let result = await FeedFetcher(options: Self.options).fetch(FeedRequest(url: server.url("/old")))
        let fetched = try #require(result.fetched)
        #expect(fetched.finalURL == server.url("/new"))
        #expect(fetched.movedPermanently)
    }

    @Test("A redirect loop stops at the redirect limit with a clear reason")
    func redirectLoop() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/a", .redirect(302, to: "/b"))
        server.route("/b", .redirect(302, to: "/a"))
        let result = await FeedFetcher(options: Self.options).fetch(FeedRequest(url: server.url("/a")))
        #expect(result.error?.reason == .tooManyRedirects(limit: 3))
        #expect(server.requests.count <= 4)
    }

    @Test("A gzip-encoded body arrives decoded and parses")
    func gzipBody() async throws {
        // Given a feed sent with Content-Encoding: gzip
        let server = try TestHTTPServer()
        defer { server.stop() }
        let body = GzipEncoder.encode(Data(Self.rss("Zipped Desk", items: 3).utf8))
        server.route("/feed", TestHTTPServer.Response(status: 200, headers: [("Content-Encoding", "gzip"),
                                                                           ("Content-Type", "application/rss+xml")], body: body))
        // When it is fetched
        let result = await FeedFetcher(options: Self.options).fetch(FeedRequest(url: server.url("/feed")))
        // Then the decoded feed is parsed
        let fetched = try #require(result.fetched, "\(result.outcome)")
        #expect(fetched.document.title == "Zipped Desk")
        #expect(fetched.document.items.count == 3)
        #expect(fetched.byteCount == Self.rss("Zipped Desk", items: 3).utf8.count)
    }

    @Test("A server slower than the request timeout fails with a timeout, promptly")
    func slowServer() async throws {
        // Given a server that waits a minute before answering (cut short when the test stops it), and a 5 s
        // request timeout
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/slow", TestHTTPServer.Response(status: 200, body: Data(Self.rss("late").utf8), delay: 60))
        var options = Self.options
        options.requestTimeout = 5
        // When the feed is fetched
        let result = await FeedFetcher(options: options).fetch(FeedRequest(url: server.url("/slow")))
        // Then it times out (had it waited, the answer would have been a feed); no wall-clock assertion, because
        // the test's own task may resume late when other tests hold the cooperative threads
        #expect(result.error?.reason == .timedOut(seconds: 5))
    }

    @Test("A server that keeps sending but past the whole-fetch deadline fails with a timeout")
    func tricklingServer() async throws {
        // Given a body sent 1 KiB every 0.25 s (never idle for the request timeout) taking about 2.5 s
        let server = try TestHTTPServer()
        defer { server.stop() }
        let body = Data(Self.rss("drip", items: 100).utf8.prefix(10_240))
        server.route("/drip", TestHTTPServer.Response(status: 200, body: body, trickle: 0.25))
        var options = Self.options
        options.resourceTimeout = 1.5
        // When it is fetched with a 1.5 s deadline for the whole fetch
        let result = await FeedFetcher(options: options).fetch(FeedRequest(url: server.url("/drip")))
        // Then it stops at the deadline (had it not, the 2.5 s transfer would have succeeded)
        #expect(result.error?.reason == .timedOut(seconds: 1.5))
    }

    @Test("A body that is not well-formed XML fails with the parse error and its line")
    func malformedXML() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/feed", .ok("<rss><channel><title>t</title>\n<item><title>x</item>\n</channel></rss>"))
        let url = server.url("/feed")
        let result = await FeedFetcher(options: Self.options).fetch(FeedRequest(url: url))
        #expect(result.error?.description
            == "\(url.absoluteString): parse error at line 2: closing tag does not match the open element")
    }

    @Test("An HTML page is a failure saying it is not a feed")
    func htmlPage() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/", .ok("<!DOCTYPE html><html><body>Welcome</body></html>", type: "text/html"))
        let result = await FeedFetcher(options: Self.options).fetch(FeedRequest(url: server.url("/")))
        #expect(result.error?.reason == .unreadable(.notAFeed(found: "an HTML page")))
    }

    @Test("A response over the size cap is cancelled and reported too large, with or without Content-Length",
          arguments: [false, true])
    func oversized(omitsLength: Bool) async throws {
        // Given a 2 MB body and a 100 kB cap
        let server = try TestHTTPServer()
        defer { server.stop() }
        let body = Data(repeating: UInt8(ascii: "a"), count: 2_000_000)
        server.route("/big", TestHTTPServer.Response(status: 200, body: body, omitsLength: omitsLength))
        // When it is fetched
        let result = await FeedFetcher(options: Self.options).fetch(FeedRequest(url: server.url("/big")))
        // Then the fetch fails as too large
        #expect(result.error?.reason == .tooLarge(limit: 100_000))
        #expect(result.error?.reason.description == "too large (over 100 kB)")
    }

    @Test("A closed port is reported as connection refused")
    func closedPort() async throws {
        let port = try TestHTTPServer.closedPort()
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/feed"))
        let result = await FeedFetcher(options: Self.options).fetch(FeedRequest(url: url))
        #expect(result.error?.description == "http://127.0.0.1:\(port)/feed: connection refused")
    }

    @Test("Addresses other than http and https are refused without a request")
    func unsupportedScheme() async throws {
        let url = try #require(URL(string: "file:///etc/hostname"))
        let result = await FeedFetcher(options: Self.options).fetch(FeedRequest(url: url))
        #expect(result.error?.reason == .unsupportedURL)
    }

    @Test("Cancelling a fetch ends its transfer promptly and reports it as cancelled")
    func cancellation() async throws {
        // Given a feed on a server that takes 25 s to answer (cut short when the test stops it), which cancels the
        // fetch the moment its request arrives: the transfer is surely under way, however late a loaded machine
        // runs the test's own task
        struct Pending {
            var fetch: Task<FeedFetchResult, Never>?
            var arrived = false
        }
        let pending = Mutex(Pending())
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/slow") { _ in
            pending.withLock {
                $0.arrived = true
                $0.fetch?.cancel()
            }
            return TestHTTPServer.Response(status: 200, body: Data(Self.rss("late").utf8), delay: 25)
        }
        var options = Self.options
        options.requestTimeout = 60
        options.resourceTimeout = 60
        // When the fetch is cancelled while its request is at the server
        let request = FeedRequest(url: server.url("/slow"))
        let fetch = Task { await FeedFetcher(options: options).fetch(request) }
        pending.withLock {
            $0.fetch = fetch
            if $0.arrived { fetch.cancel() }
        }
        let result = await fetch.value
        // Then it is reported cancelled (had the transfer gone on, it would have brought the feed)
        #expect(server.requests.count == 1)
        #expect(result.error?.reason == .cancelled)
    }
}
