import BriefFeeds
import BriefLibrary
import BriefStore
import BriefTestServer
import Foundation
import Synchronization
import Testing

@Suite("Refreshing subscribed feeds into the cache")
struct FeedRefresherTests {
    @Test("A first fetch stores every item; a second sends the validators, gets 304 and stores nothing new")
    func conditionalRefetch() async throws {
        // Given a subscribed feed whose server answers 304 to its own ETag
        let (store, directory) = try RefreshFixtures.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/desk") { request in
            request.headers["if-none-match"] == "\"v7\"" ? TestHTTPServer.Response(status: 304)
                : .ok(RefreshFixtures.rss("Lake Desk", count: 3), headers: [("ETag", "\"v7\"")])
        }
        try store.addFeed(url: server.url("/desk").absoluteString)

        // When it is refreshed
        let first = await RefreshFixtures.refresher(store).refreshAll()
        // Then three stories are stored with the feed's title as their source, and the ETag is kept
        #expect(first == FeedRefreshReport(feeds: 1, failed: [], newStories: 3, notModified: 0))
        #expect(try store.count() == 3)
        #expect(try store.summaries().allSatisfy { $0.source == "Lake Desk" })
        let feed = try #require(try store.feeds().first)
        #expect(feed.etag == "\"v7\"")
        #expect(feed.title == "Lake Desk")
        #expect(feed.items == 3)
        #expect(feed.lastFetched != nil)

        // When it is refreshed again
        let second = await RefreshFixtures.refresher(store).refreshAll()
        // Then the request carried the ETag, the answer was 304 and nothing was added
        #expect(server.requests.last?.headers["if-none-match"] == "\"v7\"")
        #expect(second == FeedRefreshReport(feeds: 1, failed: [], newStories: 0, notModified: 1))
        #expect(try store.count() == 3)
    }

    @Test("Items already stored are not stored again when a feed gains a new one")
    func onlyNewItemsAreNew() async throws {
        // Given a feed fetched once with two items, that then gains a third
        let (store, directory) = try RefreshFixtures.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/desk", .ok(RefreshFixtures.rss("Quay Desk", count: 2)))
        try store.addFeed(url: server.url("/desk").absoluteString)
        _ = await RefreshFixtures.refresher(store).refreshAll()
        server.route("/desk", .ok(RefreshFixtures.rss("Quay Desk", count: 3)))
        // When it is refreshed
        let report = await RefreshFixtures.refresher(store).refreshAll()
        // Then only the new item counts and is stored
        #expect(report.newStories == 1)
        #expect(try store.count() == 3)
    }

    @Test("A feed of many items is stored a chunk at a time: never more than two chunks' stories wait to be stored",
          // Three chunks and a bit; a chunk and a last one the refresh's last feed stores in two parts
          arguments: [FeedImportItem.chunkSize * 3 + 7, FeedImportItem.chunkSize + 600])
    func chunks(count: Int) async throws {
        // Given a feed of `count` items, with an ETag
        let (store, directory) = try RefreshFixtures.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/wire", .ok(RefreshFixtures.rss("Wire Desk", count: count), headers: [("ETag", "\"w1\"")]))
        try store.addFeed(url: server.url("/wire").absoluteString)
        // When it is refreshed, counting how far the stories annotated run ahead of those stored
        let annotated = Mutex(0), ahead = Mutex(0)
        let options = FeedFetchOptions(requestTimeout: 60, resourceTimeout: 120, maxBytes: 10_000_000, maxRedirects: 3)
        let refresher = FeedRefresher(store: store, fetcher: FeedFetcher(options: options)) { story in
            let n = annotated.withLock { $0 += 1; return $0 }
            let stored = (try? store.count()) ?? 0
            ahead.withLock { $0 = max($0, n - stored) }
            return story
        }
        let report = await refresher.refreshAll()
        // Then every item is stored once and counted as new, the ETag is kept only now that all are stored,
        // and no more than two chunks were ever prepared and not yet stored
        #expect(report == FeedRefreshReport(feeds: 1, failed: [], newStories: count, notModified: 0))
        #expect(try store.count() == count)
        #expect(Set(try store.summaries().map(\.title)).count == count)
        #expect(try store.feeds().first?.etag == "\"w1\"")
        #expect(annotated.withLock { $0 } == count)
        #expect(ahead.withLock { $0 } <= 2 * FeedImportItem.chunkSize)

        // When the feed is fetched again whole (its server forgot the ETag)
        server.route("/wire", .ok(RefreshFixtures.rss("Wire Desk", count: count + 1)))
        let again = await refresher.refreshAll()
        // Then only the item it gained is new
        #expect(again.newStories == 1)
        #expect(try store.count() == count + 1)
    }

    @Test("A 404 is reported with the feed's address and recorded as its last error")
    func notFound() async throws {
        let (store, directory) = try RefreshFixtures.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try TestHTTPServer()
        defer { server.stop() }
        let url = server.url("/gone").absoluteString
        try store.addFeed(url: url)
        // When a feed that is not there is refreshed
        let report = await RefreshFixtures.refresher(store).refreshAll()
        // Then the failure names the feed and the status, and the feed list shows why
        #expect(report.failed == ["\(url): http 404"])
        #expect(try store.feeds().first?.lastError == "http 404")
    }

    @Test("A permanent redirect updates the feed's address; a temporary one does not")
    func redirects() async throws {
        let (store, directory) = try RefreshFixtures.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/old", .redirect(301, to: server.url("/new").absoluteString))
        server.route("/new", .ok(RefreshFixtures.rss("Moved Desk", count: 1)))
        server.route("/brief", .redirect(302, to: server.url("/elsewhere").absoluteString))
        server.route("/elsewhere", .ok(RefreshFixtures.rss("Holiday Desk", count: 1)))
        try store.addFeed(url: server.url("/old").absoluteString)
        try store.addFeed(url: server.url("/brief").absoluteString)
        // When both are refreshed
        let report = await RefreshFixtures.refresher(store).refreshAll()
        // Then both stored their story; the 301 feed now lives at its new address, the 302 feed where it was
        #expect(report.failed.isEmpty)
        #expect(report.newStories == 2)
        let urls = try store.feeds().map(\.url)
        #expect(urls == [server.url("/new").absoluteString, server.url("/brief").absoluteString])
        #expect(try store.storyIDs(inFeed: server.url("/new").absoluteString).count == 1)
    }

    @Test("A gzip-encoded feed is stored")
    func gzip() async throws {
        let (store, directory) = try RefreshFixtures.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try TestHTTPServer()
        defer { server.stop() }
        let body = GzipEncoder.encode(Data(RefreshFixtures.rss("Zipped Desk", count: 4).utf8))
        server.route("/z", TestHTTPServer.Response(status: 200, headers: [("Content-Encoding", "gzip"),
                                                                        ("Content-Type", "application/rss+xml")], body: body))
        try store.addFeed(url: server.url("/z").absoluteString)
        let report = await RefreshFixtures.refresher(store).refreshAll()
        #expect(report.newStories == 4)
        #expect(try store.count() == 4)
    }

    @Test("A server slower than the timeout fails that feed only; the others are stored")
    func slowServerAmongOthers() async throws {
        // Given a slow feed (a minute, cut short when the test stops the server; past the 5 s timeout), a 404, and
        // two good feeds
        let (store, directory) = try RefreshFixtures.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/a", .ok(RefreshFixtures.rss("Alpha Desk", count: 2)))
        server.route("/slow", TestHTTPServer.Response(status: 200, body: Data(RefreshFixtures.rss("Late", count: 1).utf8),
                                                      delay: 60))
        server.route("/b", .ok(RefreshFixtures.rss("Beta Desk", count: 3)))
        for path in ["/a", "/slow", "/missing", "/b"] { try store.addFeed(url: server.url(path).absoluteString) }
        let progress = ProgressLog()
        // When all are refreshed
        var options = RefreshFixtures.options
        options.requestTimeout = 5
        let report = await RefreshFixtures.refresher(store, options: options).refreshAll(jobs: 2, progress: progress.add)
        // Then the good feeds are stored, each failure is one line naming its feed (in subscription order), and
        // progress counted all four
        #expect(report.feeds == 4)
        #expect(report.newStories == 5)
        #expect(report.failed == [
            "\(server.url("/slow").absoluteString): timed out after 5 s",
            "\(server.url("/missing").absoluteString): http 404",
        ])
        #expect(progress.completedCounts == [1, 2, 3, 4])
        #expect(try store.count() == 5)
    }

    @Test("A feed that turns malformed keeps its stored stories and records why it failed")
    func malformedKeepsLastGoodItems() async throws {
        let (store, directory) = try RefreshFixtures.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/desk", .ok(RefreshFixtures.rss("Harbour Desk", count: 2)))
        let url = server.url("/desk").absoluteString
        try store.addFeed(url: url)
        _ = await RefreshFixtures.refresher(store).refreshAll()
        // When the feed's body is cut off mid-item and it is refreshed
        server.route("/desk", .ok("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour</title><item><title>Cut"))
        let report = await RefreshFixtures.refresher(store).refreshAll()
        // Then the refresh fails for that feed, its two stories stay, and the error is recorded
        #expect(report.failed.count == 1)
        #expect(report.failed.first?.hasPrefix("\(url): ") == true)
        #expect(try store.count() == 2)
        let feed = try #require(try store.feeds().first)
        #expect(feed.items == 2)
        #expect(feed.lastError?.isEmpty == false)
        #expect(feed.lastError == report.failed.first.map { String($0.dropFirst(url.count + 2)) })
    }

    @Test("An oversized response fails as too large and stores nothing")
    func oversized() async throws {
        let (store, directory) = try RefreshFixtures.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/huge", .ok(RefreshFixtures.rss("Huge Desk", count: 3_000)))
        try store.addFeed(url: server.url("/huge").absoluteString)
        let report = await RefreshFixtures.refresher(store).refreshAll()
        #expect(report.failed == ["\(server.url("/huge").absoluteString): too large (over 100 kB)"])
        #expect(try store.count() == 0)
    }

    @Test("The same guid in two feeds is one story: marking it read reads it in both")
    func sameGUIDAcrossFeeds() async throws {
        // Given two feeds carrying the same item (same guid) with different wording
        let (store, directory) = try RefreshFixtures.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/one", .ok(RefreshFixtures.rss("Desk One", items: [("wire-42", "Ceasefire holds", "Talks went on.")])))
        server.route("/two", .ok(RefreshFixtures.rss("Desk Two", items: [("wire-42", "Ceasefire holds in north",
                                                                          "Talks went on through the night.")])))
        let one = server.url("/one").absoluteString, two = server.url("/two").absoluteString
        try store.addFeed(url: one)
        try store.addFeed(url: two)
        // When both are refreshed
        let report = await RefreshFixtures.refresher(store).refreshAll(jobs: 1)
        // Then there is one story, listed under both feeds
        #expect(report.newStories == 1)
        #expect(try store.count() == 1)
        let ids = try store.storyIDs(inFeed: one)
        #expect(ids.count == 1)
        #expect(try store.storyIDs(inFeed: two) == ids)
        // When it is marked read
        try store.setRead(true, ids: ids)
        // Then neither feed has it unread
        #expect(try store.count(unreadOnly: true) == 0)
    }

    @Test("The same headline and body under different guids and links is one story")
    func sameContentAcrossFeeds() async throws {
        let (store, directory) = try RefreshFixtures.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/one", .ok(RefreshFixtures.rss("Desk One", items: [("a-1", "Envoys meet", "Envoys met at noon.")],
                                                      link: true)))
        server.route("/two", .ok(RefreshFixtures.rss("Desk Two", items: [("b-9", "ENVOYS MEET", "Envoys  met at noon!")],
                                                      link: true)))
        try store.addFeed(url: server.url("/one").absoluteString)
        try store.addFeed(url: server.url("/two").absoluteString)
        let report = await RefreshFixtures.refresher(store).refreshAll(jobs: 1)
        #expect(report.newStories == 1)
        #expect(try store.count() == 1)
        #expect(try store.feeds().map(\.items) == [1, 1])
    }

    @Test("Different stories that share a sentence stay separate")
    func sharedSentenceStaysSeparate() async throws {
        let (store, directory) = try RefreshFixtures.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try TestHTTPServer()
        defer { server.stop() }
        let shared = "The ministry declined to comment."
        server.route("/one", .ok(RefreshFixtures.rss("Desk One", items: [("x-1", "Grain deal extended",
                                                                          "The deal runs to May. \(shared)")])))
        server.route("/two", .ok(RefreshFixtures.rss("Desk Two", items: [("y-1", "Border crossing reopens",
                                                                          "Lorries crossed at dawn. \(shared)")])))
        try store.addFeed(url: server.url("/one").absoluteString)
        try store.addFeed(url: server.url("/two").absoluteString)
        let report = await RefreshFixtures.refresher(store).refreshAll()
        #expect(report.newStories == 2)
        #expect(try store.count() == 2)
    }
}
