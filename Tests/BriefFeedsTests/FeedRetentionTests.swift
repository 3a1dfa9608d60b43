import BriefFeeds
import BriefLibrary
import BriefModel
import BriefStore
import BriefTestServer
import Foundation
import Testing

@Suite("Retention and feeds: pruned items stay gone while their feed carries them; keep_days prunes after a refresh")
struct FeedRetentionTests {
    /// A lake authority's feed of dated items `(guid, day of November 2020)`.
    static func lakeFeed(_ items: [(guid: String, day: Int)]) -> String {
        var xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Lake Authority</title>"
        for item in items {
            xml += "<item><guid isPermaLink=\"false\">\(item.guid)</guid><title>Water level report \(item.guid)</title>"
                + "<pubDate>\(String(format: "%02d", item.day)) Nov 2020 08:00:00 GMT</pubDate>"
                + "<description>The lake authority in Kisumu published water level report \(item.guid).</description></item>"
        }
        return xml + "</channel></rss>"
    }

    @Test("A pruned item is not stored again while its feed carries it; a new item still arrives; one gone is forgotten")
    func prunedItemsStayGone() async throws {
        // Given a feed of three items, fetched, read and pruned
        let (store, directory) = try RefreshFixtures.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/lake", .ok(Self.lakeFeed([("r1", 2), ("r2", 3), ("r3", 4)])))
        let url = server.url("/lake").absoluteString
        try store.addFeed(url: url)
        #expect(await RefreshFixtures.refresher(store).refreshAll().newStories == 3)
        _ = try store.markAllRead()
        #expect(try store.pruneStories(before: Date()) == 3)
        #expect(try store.prunedItemIDs(feedKey: url) == ["r1", "r2", "r3"])

        // When the feed, still carrying them, is fetched again
        let again = await RefreshFixtures.refresher(store).refreshAll()
        // Then nothing is new and the cache stays empty
        #expect(again.newStories == 0 && again.failed.isEmpty)
        #expect(try store.count() == 0)

        // When the feed gains an item and drops its oldest
        server.route("/lake", .ok(Self.lakeFeed([("r2", 3), ("r3", 4), ("r4", 5)])))
        let gained = await RefreshFixtures.refresher(store).refreshAll()
        // Then only the new item is stored, and the dropped one is no longer remembered
        #expect(gained.newStories == 1)
        #expect(try store.summaries().map(\.title) == ["Water level report r4"])
        #expect(try store.prunedItemIDs(feedKey: url) == ["r2", "r3"])

        // A feed fetched again as empty (a glitch) forgets nothing
        server.route("/lake", .ok(Self.lakeFeed([])))
        _ = await RefreshFixtures.refresher(store).refreshAll()
        #expect(try store.prunedItemIDs(feedKey: url) == ["r2", "r3"])
    }

    @Test("Pruned items not seen by a fetch for half a year are forgotten at the next prune; unsubscribing forgets them")
    func memoryIsBounded() throws {
        let store = try Store.inMemory()
        let item = { (id: String) in
            FeedImportItem(itemID: id, guid: id, link: nil, fingerprint: "fp-\(id)",
                           story: ImportItem(story: Story(title: "Ferry timetable \(id)", sections: []),
                                             originalText: "Ferry timetable \(id)", source: "Port of Mombasa",
                                             published: Date(timeIntervalSince1970: 1_600_000_000), format: .article))
        }
        try store.addFeed(url: "https://port.example/rss")
        _ = try store.importFeedItems(feedURL: "https://port.example/rss", items: [item("a"), item("b")])
        _ = try store.markAllRead()
        #expect(try store.pruneStories(before: Date()) == 2)
        // Items given without the whole feed's ids (`carried`) are left out too, and nothing is forgotten
        #expect(try store.importFeedItems(feedURL: "https://port.example/rss", items: [item("a")]).isEmpty)
        #expect(try store.prunedItemIDs(feedKey: "https://port.example/rss") == ["a", "b"])
        // Half a year and a day later, a prune forgets them
        #expect(try store.pruneStories(before: Date(), now: Date().addingTimeInterval(Store.prunedItemMemory + 86_400)) == 0)
        #expect(try store.prunedItemIDs(feedKey: "https://port.example/rss").isEmpty)
        // Pruned again, then unsubscribed: forgotten at once
        _ = try store.importFeedItems(feedURL: "https://port.example/rss", items: [item("a")])
        _ = try store.markAllRead()
        #expect(try store.pruneStories(before: Date()) == 1)
        try store.removeFeed(url: "https://port.example/rss")
        #expect(try store.prunedItemIDs(feedKey: "https://port.example/rss").isEmpty)
    }

    @Test("keepDays prunes old read, unstarred stories after a refresh and the summary says how many; nil prunes none")
    func keepDaysPrunesAfterRefresh() async throws {
        // Given a feed of three stories from 2020, all read, one starred
        let (store, directory) = try RefreshFixtures.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/lake", .ok(Self.lakeFeed([("r1", 2), ("r2", 3), ("r3", 4)])))
        try store.addFeed(url: server.url("/lake").absoluteString)
        var refresher = RefreshFixtures.refresher(store)
        refresher.keepDays = 30
        // A refresh with keep_days keeps them while they are unread
        let first = await refresher.refreshAll()
        #expect(first.newStories == 3 && first.pruned == 0)
        #expect(first.summary == "fetched 1 feed: 3 new stories, 0 unchanged, 0 failed")
        let ids = try store.summaries().map(\.id)
        _ = try store.markAllRead()
        _ = try store.setStarred(true, ids: [ids[0]])

        // A refresh without keep_days prunes nothing
        #expect(await RefreshFixtures.refresher(store).refreshAll().pruned == 0)
        #expect(try store.count() == 3)

        // When refreshed with keep_days = 30
        let second = await refresher.refreshAll()
        // Then the two read, unstarred stories are pruned, the summary says so, and the starred one stays
        #expect(second.pruned == 2 && second.keepDays == 30)
        #expect(second.summary == "fetched 1 feed: 0 new stories, 0 unchanged, 0 failed, 2 old stories pruned (keep_days = 30)")
        #expect(try store.summaries().map(\.id) == [ids[0]])
    }
}
