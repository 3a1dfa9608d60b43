import BriefLibrary
import BriefModel
import BriefStore
import BriefSync
import Foundation

/// One test's own TT-RSS user, a feed of its own on the server, and a cache of its own in a temporary directory
/// with that user as its sync account: tests running in parallel share nothing but the server process.
struct SyncAccountFixture {
    let server: SyncServer
    let user: String
    let password: String
    let client: TTRSSClient
    let directory: URL
    let store: Store

    static func make(_ server: SyncServer, label: String) async throws -> SyncAccountFixture {
        let user = SyncServer.uniqueUser(label)
        let password = "pw \(UUID().uuidString)"
        try await server.script(["adduser", user], input: password + "\n")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brief-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try Store(path: directory.appendingPathComponent("cache.sqlite").path)
        return SyncAccountFixture(server: server, user: user, password: password,
                                  client: TTRSSClient(baseURL: server.url, user: user, password: password),
                                  directory: directory, store: store)
    }

    var cachePath: String { directory.appendingPathComponent("cache.sqlite").path }

    /// Makes the user the cache's sync account.
    func addAccount() throws {
        try store.setSyncAccount(kind: "ttrss", url: server.url.absoluteString, user: user)
    }

    /// An engine syncing the cache with the server (no tagging: the tests are about identity and marks), with the
    /// limits `brief sync` uses (a loaded machine's tt-rss can take many seconds per call).
    func engine(password: String? = nil, baseURL: URL? = nil) -> SyncEngine {
        let client = TTRSSClient(baseURL: baseURL ?? server.url, user: user, password: password ?? self.password,
                                 limits: SyncConnection.limits)
        return SyncEngine(store: store, service: TTRSSService(client: client), annotate: { $0 })
    }

    /// Publishes a feed of `count` entries and subscribes the user to it on the server, fetched now; returns its
    /// address and server id.
    /// With `headline`, the entries' titles are "headline N" (items of two feeds with equal titles and dates are
    /// taken for the same story).
    func serverFeed(_ count: Int, name: String = "main", headline: String? = nil) async throws
        -> (url: String, id: Int, entries: [TestFeed.Entry]) {
        var entries = TestFeed.entries(count, tag: "\(user)-\(name)")
        if let headline {
            for index in entries.indices { entries[index].title = "\(headline) \(index)" }
        }
        let url = try server.publish(TestFeed.rss(title: "Norland \(name) \(user)", entries: entries), as: "\(user)-\(name).xml")
        let id = try await client.subscribe(to: url)
        try await server.script(["update", String(id)])
        return (url, id, entries)
    }

    /// Stores the feed at `url` as Brief's own fetch would (subscribed, its items stories), from the published file.
    func fetchLocally(_ url: String, name: String = "main") throws {
        let data = try Data(contentsOf: server.feedsDirectory.appendingPathComponent("\(user)-\(name).xml"))
        let document = try FeedParser.parse(data, url: URL(string: url)!)
        try store.addFeed(url: url)
        _ = try store.importFeedItems(feedURL: url, items: FeedImportItem.prepare(document.items, source: document.title,
                                                                                   annotate: { $0 }))
    }

    /// The story ids of the feed at `url`, oldest entry first.
    func storyIDs(_ url: String) throws -> [Int64] {
        try store.storyIDs(inFeed: url).reversed()
    }

    func readIDs() throws -> Set<Int64> {
        Set(try store.summaries(unreadOnly: false).filter { $0.readAt != nil }.map(\.id))
    }

    /// The server's article ids of the feed, oldest first, and which are unread there.
    func serverState(feedID: Int) async throws -> (ids: [Int], unread: Set<Int>) {
        let headlines = try await client.headlines(feedID: feedID)
        return (headlines.map(\.id), Set(headlines.filter(\.isUnread).map(\.id)))
    }

    func cleanUp() async {
        try? await server.script(["deluser", user])
        for name in (try? FileManager.default.contentsOfDirectory(atPath: server.feedsDirectory.path)) ?? []
        where name.hasPrefix(user) {
            server.unpublish(name)
        }
        try? FileManager.default.removeItem(at: directory)
    }
}
