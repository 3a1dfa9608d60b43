import BriefLibrary
import BriefModel
import BriefStore
import BriefSync
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The sync engine against a real Fever server (coldsweat, scripts/fever-server), the same engine as for TT-RSS.
/// Safe under the parallel runner: each test has its own Fever user, feed file and cache.
@Suite(.enabled(if: SyncServer.fever != nil, SyncServer.feverSkip))
struct FeverSyncLiveTests {
    let server = SyncServer.fever!

    /// A Fever user of its own, subscribed to a feed of `count` entries published for it (file `name`).
    private func subscribedUser(_ label: String, entries count: Int) async throws -> (email: String, password: String, name: String, url: String) {
        let email = "\(SyncServer.uniqueUser(label))@example.org"
        let password = "pw-\(UUID().uuidString)"
        try await server.script(["adduser", email], input: password + "\n")
        let name = email.replacingOccurrences(of: "@", with: "-") + ".xml"
        let url = try server.publish(TestFeed.rss(title: "Norland \(email)", entries: TestFeed.entries(count, tag: email)), as: name)
        try await server.script(["subscribe", email, url])
        return (email, password, name, url)
    }

    @Test func givenAFeverAccount_whenSyncing_thenItsFeedAndItemsArrive_andReadMarksGoBothWays() async throws {
        let (email, password, name, url) = try await subscribedUser("feversync", entries: 5)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brief-fever-\(UUID().uuidString)")
        let store = try Store(path: directory.appendingPathComponent("cache.sqlite").path)
        try store.setSyncAccount(kind: "fever", url: server.url.absoluteString, user: email)
        let client = FeverClient(baseURL: server.url, email: email, password: password)
        let engine = SyncEngine(store: store, service: FeverService(client: client), annotate: { $0 })

        let first = await engine.run()
        #expect(first.failures == [])
        #expect(first.newStories == 5)
        #expect(try store.feeds().map(\.url) == [url])
        let items = try store.serverItems()  // server id → story
        let serverIDs = items.keys.sorted()
        #expect(serverIDs.count == 5)

        // Read here, and read elsewhere on the server.
        try store.setRead(true, ids: [items[serverIDs[0]]!])
        try await client.mark(item: serverIDs[1], as: .read)
        // A feed added here stays Brief's own: Fever cannot subscribe, and that is not a failure.
        try store.addFeed(url: "http://[::1]/\(email)-local.xml")
        let second = await engine.run()
        #expect(second.failures == [])
        #expect(second.pushed == 1 && second.markedFromServer == 1)
        #expect(try await client.unreadItemIDs().isDisjoint(with: serverIDs.prefix(2)))
        #expect(try await client.unreadItemIDs().isSuperset(of: serverIDs.dropFirst(2)))
        #expect(Set(try store.summaries().filter(\.isRead).map(\.id)) == [items[serverIDs[0]]!, items[serverIDs[1]]!])
        #expect(try store.feeds().count == 2)
        #expect(try store.queuedMarkCount() == 0)

        // Saved is Fever's star, both ways.
        try store.setStarred(true, ids: [items[serverIDs[2]]!])
        try await client.mark(item: serverIDs[3], as: .saved)
        let third = await engine.run()
        #expect(third.failures == [])
        #expect(try await client.savedItemIDs() == [serverIDs[2], serverIDs[3]])
        #expect(Set(try store.starredIDs()) == [items[serverIDs[2]]!, items[serverIDs[3]]!])
        server.unpublish(name)
        try? FileManager.default.removeItem(at: directory)
    }

    /// The engine's other cases on Fever: a cache that fetched the feed itself (no guid hash in Fever: matched by
    /// feed and link), a read from before the account, a wrong password, and a mark made while the server was
    /// unreachable, pushed by the next sync.
    @Test func givenACacheThatFetchedTheFeed_whenSyncingWithAWrongPasswordOrOffline_thenMatchedOnce_andNoMarkIsLost() async throws {
        let email = "\(SyncServer.uniqueUser("feverfirst"))@example.org"
        let password = "pw-\(UUID().uuidString)"
        try await server.script(["adduser", email], input: password + "\n")
        let name = email.replacingOccurrences(of: "@", with: "-") + ".xml"
        let feed = TestFeed.rss(title: "Norland \(email)", entries: TestFeed.entries(4, tag: email))
        let url = try server.publish(feed, as: name)
        try await server.script(["subscribe", email, url])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brief-fever-\(UUID().uuidString)")
        defer {
            server.unpublish(name)
            try? FileManager.default.removeItem(at: directory)
        }
        let store = try Store(path: directory.appendingPathComponent("cache.sqlite").path)
        // Fetched by Brief itself first, one story read before there was an account (so not queued).
        let document = try FeedParser.parse(Data(feed.utf8), url: URL(string: url)!)
        try store.addFeed(url: url)
        _ = try store.importFeedItems(feedURL: url, items: FeedImportItem.prepare(document.items, source: document.title,
                                                                                   annotate: { $0 }))
        let stories = try store.storyIDs(inFeed: url)
        #expect(stories.count == 4)
        try store.setRead(true, ids: [stories[0]])
        try store.setSyncAccount(kind: "fever", url: server.url.absoluteString, user: email)
        func engine(_ base: URL = server.url, password: String = password) -> SyncEngine {
            SyncEngine(store: store, service: FeverService(client: FeverClient(baseURL: base, email: email, password: password)),
                       annotate: { $0 })
        }
        let client = FeverClient(baseURL: server.url, email: email, password: password)

        let first = await engine().run()
        #expect(first.failures == [])
        #expect(first.newStories == 0 && first.matchedStories == 4)
        #expect(try store.count() == 4, "no story stored twice")
        let items = try store.serverItems()
        let read = try #require(items.first { $0.value == stories[0] }?.key)
        #expect(try await client.unreadItemIDs().contains(read) == false, "the read from before the account reached the server")

        // A wrong password: one line naming the server, the cache and the queue as they were.
        try store.setRead(true, ids: [stories[1]])
        let refused = await engine(password: "wrong").run()
        #expect(refused.failures.count == 1)
        #expect(refused.failures.first.map { !$0.contains("\n") && $0.contains(server.url.host ?? "") } == true)
        #expect(try store.queuedMarkCount() == 1)

        // Unreachable: the mark still waits; the next sync with the server pushes it, once.
        let offline = await engine(URL(string: "http://127.0.0.1:\(try FreePort.pick())/")!).run()
        #expect(offline.offline && offline.waiting == 1)
        let back = await engine().run()
        #expect(back.failures == [] && back.pushed == 1 && back.waiting == 0)
        let second = try #require(items.first { $0.value == stories[1] }?.key)
        #expect(try await client.unreadItemIDs().isDisjoint(with: [read, second]))
        #expect(try store.count() == 4)
    }

    /// `brief sync` killed with SIGKILL while it stores a Fever server's new items, after pushing 120 marks one call
    /// each: the next sync stores every item once and the marks are on the server once each.
    @Test func givenAFeverSyncKilledWithSIGKILL_whenSyncingAgain_thenNoStoryIsStoredTwice_andNoMarkIsLost() async throws {
        let (email, password, name, url) = try await subscribedUser("feverkill", entries: 200)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brief-fever-\(UUID().uuidString)")
        defer {
            server.unpublish(name)
            try? FileManager.default.removeItem(at: directory)
        }
        let cache = directory.appendingPathComponent("cache.sqlite").path
        let store = try Store(path: cache)
        try store.setSyncAccount(kind: "fever", url: server.url.absoluteString, user: email)
        let config = directory.appendingPathComponent("config")
        try AccountSecrets(path: config.appendingPathComponent("brief/secrets.json").path)
            .setPassword(password, for: AccountSecrets.key(kind: "fever", url: server.url.absoluteString, user: email))
        let environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "LANG": "C.UTF-8", "BRIEF_DB": cache,
                           "XDG_CONFIG_HOME": config.path]
        func sync(started: @Sendable (Int32) -> Void = { _ in }) async throws -> ScriptRun.Output {
            try await ScriptRun.capture(SyncCLILiveTests.brief, ["sync"], input: nil, environment: environment, started: started)
        }
        #expect(try await sync().status == 0)
        let stories = try store.storyIDs(inFeed: url)
        #expect(stories.count == 200)
        // 120 marks queued, and 400 more items on the server for the next sync to store.
        try store.setRead(true, ids: Array(stories.prefix(120)))
        _ = try server.publish(TestFeed.rss(title: "Norland \(email)", entries: TestFeed.entries(600, tag: email)), as: name)
        try await server.script(["fetch", url])

        let killed = try await sync { pid in
            // Killed once the sync has stored its first new items (or has ended, when it was quicker).
            Thread.detachNewThread {
                let deadline = Date().addingTimeInterval(120)
                while Date() < deadline, kill(pid, 0) == 0, ((try? store.count()) ?? 0) <= 200 { usleep(5_000) }
                kill(pid, SIGKILL)
            }
        }
        #expect(killed.status != 0 || killed.stderr.isEmpty)

        let again = try await sync()
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try store.count() == 600, "no story stored twice")
        #expect(Set(try store.serverItems().values).count == 600)
        #expect(try store.queuedMarkCount() == 0)
        let client = FeverClient(baseURL: server.url, email: email, password: password)
        #expect(try await client.unreadItemIDs().count == 480, "the 120 marks reached the server, once each")
        #expect(Set(try store.summaries().filter(\.isRead).map(\.id)) == Set(stories.prefix(120)))
    }

    /// The Fever server stops while a sync stores its items and starts again: the next sync stores every item once,
    /// and reads made on the server meanwhile arrive. The test stops and starts a server of its own on its own port
    /// (`scripts/fever-server serve PORT`, the same database), never the shared one other tests are using.
    @Test func givenTheFeverServerRestartsDuringASync_whenSyncingAgain_thenEveryItemIsStoredOnce_andMarksArrive() async throws {
        let (email, password, name, _) = try await subscribedUser("feverrestart", entries: 180)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brief-fever-\(UUID().uuidString)")
        defer {
            server.unpublish(name)
            try? FileManager.default.removeItem(at: directory)
        }
        let store = try Store(path: directory.appendingPathComponent("cache.sqlite").path)
        let port = try FreePort.pick()
        let base = URL(string: "http://127.0.0.1:\(port)/")!
        try store.setSyncAccount(kind: "fever", url: base.absoluteString, user: email)
        let engine = SyncEngine(store: store, service: FeverService(client: FeverClient(baseURL: base, email: email,
                                                                                          password: password,
                                                                                          limits: SyncConnection.limits)),
                                annotate: { $0 })
        var instance = try await OwnServer.start(server, port: port)
        // Stops the server as soon as the first page of items is stored (or when the sync ends first).
        let stopper = Task {
            while try store.serverItems().isEmpty { try await Task.sleep(for: .milliseconds(20)) }
        }
        async let interrupted = engine.run()
        _ = try? await stopper.value
        await instance.stop()
        let first = await interrupted
        stopper.cancel()
        #expect(first.failures.count <= 1)
        #expect(first.failures.allSatisfy { !$0.contains("\n") })

        // Read on the shared server while this one is down.
        let client = FeverClient(baseURL: server.url, email: email, password: password)
        let read = Array(try await client.unreadItemIDs().sorted().prefix(5))
        for id in read { try await client.mark(item: id, as: .read) }
        instance = try await OwnServer.start(server, port: port)
        let second = await engine.run()
        await instance.stop()
        #expect(second.failures == [])
        #expect(try store.count() == 180, "no story stored twice")
        #expect(Set(try store.serverItems().values).count == 180)
        let items = try store.serverItems()
        #expect(Set(try store.summaries().filter(\.isRead).map(\.id)) == Set(read.compactMap { items[$0] }))
        #expect(read.count == 5)
    }
}
