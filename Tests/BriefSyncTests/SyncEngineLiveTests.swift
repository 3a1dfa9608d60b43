import BriefLibrary
import BriefStore
@testable import BriefSync
import Foundation
import Testing

/// The sync engine against a real tt-rss (scripts/ttrss-server). Safe under the parallel runner: each test has its
/// own server user, feed files and cache (SyncAccountFixture), and deletes the user at the end.
@Suite(.enabled(if: SyncServer.ttrss != nil, SyncServer.ttrssSkip))
struct SyncEngineLiveTests {
    let server = SyncServer.ttrss!

    @Test func givenACacheThatFetchedTheSameFeed_whenSyncingFirst_thenEveryItemIsMatched_noneStoredTwice_andReadsGoBothWays() async throws {
        let fixture = try await SyncAccountFixture.make(server, label: "first")
        let feed = try await fixture.serverFeed(8)
        try fixture.fetchLocally(feed.url)
        let stories = try fixture.storyIDs(feed.url)
        #expect(stories.count == 8)
        // Read here before there was an account (not queued), and item 7 read on the server.
        try fixture.store.setRead(true, ids: [stories[0], stories[1]])
        let serverIDs = try await fixture.serverState(feedID: feed.id).ids
        try await fixture.client.setArticles([serverIDs[7]], field: .unread, to: false)
        try fixture.addAccount()

        let report = await fixture.engine().run()
        #expect(report.failures == [])
        #expect(report.newStories == 0)
        #expect(report.matchedStories == 8)
        #expect(try fixture.store.count() == 8, "no story stored twice")
        #expect(try fixture.readIDs() == [stories[0], stories[1], stories[7]])
        #expect(try await fixture.serverState(feedID: feed.id).unread == Set(serverIDs[2...6]))
        #expect(try fixture.store.queuedMarkCount() == 0)
        #expect(report.subscribedOnServer == 0 && report.addedLocally == 0)
        await fixture.cleanUp()
    }

    @Test func givenSyncedItems_whenMarkedHereAndReadOnTheServerWhileBriefWasClosed_thenEachSideTakesTheOthersMarks() async throws {
        let fixture = try await SyncAccountFixture.make(server, label: "both")
        try fixture.addAccount()
        let feed = try await fixture.serverFeed(6)
        let first = await fixture.engine().run()
        #expect(first.failures == [])
        #expect(first.newStories == 6)
        #expect(first.addedLocally == 1)
        let stories = try fixture.storyIDs(feed.url)
        let serverIDs = try await fixture.serverState(feedID: feed.id).ids
        #expect(stories.count == 6 && serverIDs.count == 6)

        // Marks here (queued with the mark), and a read on the server by another reader.
        try fixture.store.setRead(true, ids: [stories[0], stories[1]])
        #expect(try fixture.store.queuedMarkCount() == 2)
        try await fixture.client.setArticles([serverIDs[4]], field: .unread, to: false)

        let second = await fixture.engine().run()
        #expect(second.failures == [])
        #expect(second.pushed == 2)
        #expect(second.markedFromServer == 1)
        #expect(try await fixture.serverState(feedID: feed.id).unread == [serverIDs[2], serverIDs[3], serverIDs[5]])
        #expect(try fixture.readIDs() == [stories[0], stories[1], stories[4]])
        #expect(try fixture.store.queuedMarkCount() == 0)

        // Unread here while the server reads it: the queued mark wins (last write here, pushed first).
        try fixture.store.setRead(false, ids: [stories[1]])
        try await fixture.client.setArticles([serverIDs[1]], field: .unread, to: false)
        let third = await fixture.engine().run()
        #expect(third.failures == [])
        #expect(try fixture.readIDs() == [stories[0], stories[4]])
        #expect(try await fixture.serverState(feedID: feed.id).unread.contains(serverIDs[1]))
        await fixture.cleanUp()
    }

    /// A later sync does not list the unread set when the recent reads and the unread count agree with the cache:
    /// a read and an unread on the server leave the count as the cache would have it after the read alone, and the
    /// unread must still arrive.
    @Test func givenAReadAndAnUnreadOnTheServer_whenSyncingAgain_thenBothArrive_thoughTheUnreadCountIsUnchanged() async throws {
        let fixture = try await SyncAccountFixture.make(server, label: "counts")
        try fixture.addAccount()
        let feed = try await fixture.serverFeed(5)
        #expect(await fixture.engine().run().failures == [])
        let stories = try fixture.storyIDs(feed.url)
        let serverIDs = try await fixture.serverState(feedID: feed.id).ids
        try fixture.store.setRead(true, ids: [stories[0]])
        #expect(await fixture.engine().run().failures == [])
        #expect(try await fixture.serverState(feedID: feed.id).unread == Set(serverIDs[1...4]))

        // Another reader: item 3 read, item 0 unread again. The server still has 4 unread.
        try await fixture.client.setArticles([serverIDs[3]], field: .unread, to: false)
        try await fixture.client.setArticles([serverIDs[0]], field: .unread, to: true)
        let report = await fixture.engine().run()
        #expect(report.failures == [])
        #expect(report.markedFromServer == 2)
        #expect(try fixture.readIDs() == [stories[3]])
        #expect(try fixture.store.queuedMarkCount() == 0)

        // Nothing changed since: nothing moves either way.
        let quiet = await fixture.engine().run()
        #expect(quiet.failures == [] && quiet.markedFromServer == 0 && quiet.pushed == 0)
        #expect(try fixture.readIDs() == [stories[3]])
        await fixture.cleanUp()
    }

    /// The two changes a total cannot see: an unread item of one feed purged on the server while an item of another
    /// feed is marked unread there. The server's total stays as the cache has it; its counts by feed do not, so the
    /// unread set is listed and the unread arrives. The purged item's story stays, no longer the server's, so the
    /// counts agree again.
    @Test func givenAnUnreadItemPurgedWhileAnotherFeedsItemIsMarkedUnread_whenSyncingAgain_thenTheUnreadArrives() async throws {
        let fixture = try await SyncAccountFixture.make(server, label: "purge")
        try fixture.addAccount()
        let a = try await fixture.serverFeed(3, name: "a")
        let b = try await fixture.serverFeed(3, name: "b", headline: "Harbour Authority of Norland: notice")
        let aIDs = try await fixture.serverState(feedID: a.id).ids
        let bIDs = try await fixture.serverState(feedID: b.id).ids
        try await fixture.client.setArticles([bIDs[0]], field: .unread, to: false)
        #expect(await fixture.engine().run().failures == [])
        let aStories = try fixture.storyIDs(a.url)
        let bStories = try fixture.storyIDs(b.url)
        #expect(try fixture.readIDs() == [bStories[0]])

        try await server.script(["purge", fixture.user, String(aIDs[0])])
        try await fixture.client.setArticles([bIDs[0]], field: .unread, to: true)
        #expect(try await fixture.client.unreadCount() == 5, "the total is the cache's")
        let report = await fixture.engine().run()
        #expect(report.failures == [])
        #expect(try fixture.readIDs().isEmpty, "the unread arrived")
        #expect(try fixture.store.serverItems()[aIDs[0]] == nil, "the purged item is no longer the server's")
        #expect(try fixture.store.count() == 6 && Set(try fixture.store.storyIDs(inFeed: a.url)) == Set(aStories))
        #expect(try fixture.store.unreadLinkedCountsByServerFeed() == [a.id: 2, b.id: 3])
        await fixture.cleanUp()
    }

    @Test func givenStarsOnEitherSide_whenSyncing_thenBothSidesHaveThem_andAStarFromBeforeTheAccountReachesTheServer() async throws {
        let fixture = try await SyncAccountFixture.make(server, label: "stars")
        let feed = try await fixture.serverFeed(5)
        try fixture.fetchLocally(feed.url)
        let stories = try fixture.storyIDs(feed.url)
        try fixture.store.setStarred(true, ids: [stories[0]])  // before the account: not queued, merged at the first sync
        try fixture.addAccount()
        #expect(await fixture.engine().run().failures == [])
        let serverIDs = try await fixture.serverState(feedID: feed.id).ids
        #expect(Set(try await fixture.client.headlines(feedID: TTRSSFeedID.starred).map(\.id)) == [serverIDs[0]])

        // Starred here (`brief star`, the reader's `s`), starred and unstarred there.
        try fixture.store.setStarred(true, ids: [stories[1]])
        try await fixture.client.setArticles([serverIDs[3]], field: .starred, to: true)
        try await fixture.client.setArticles([serverIDs[0]], field: .starred, to: false)
        let report = await fixture.engine().run()
        #expect(report.failures == [])
        #expect(report.pushed == 1)
        #expect(Set(try await fixture.client.headlines(feedID: TTRSSFeedID.starred).map(\.id)) == [serverIDs[1], serverIDs[3]])
        #expect(Set(try fixture.store.starredIDs()) == [stories[1], stories[3]])
        #expect(try fixture.store.queuedMarkCount() == 0)
        #expect(try fixture.readIDs().isEmpty, "stars leave read marks alone")
        await fixture.cleanUp()
    }

    @Test func givenTheServerUnreachable_whenMarking_thenTheMarkWaits_andTheNextSyncPushesIt() async throws {
        let fixture = try await SyncAccountFixture.make(server, label: "offline")
        try fixture.addAccount()
        let feed = try await fixture.serverFeed(3)
        #expect(await fixture.engine().run().failures == [])
        let stories = try fixture.storyIDs(feed.url)
        try fixture.store.setRead(true, ids: [stories[2]])

        let nobody = URL(string: "http://127.0.0.1:\(try FreePort.pick())/")!
        let offline = await fixture.engine(baseURL: nobody).run()
        #expect(offline.failures.count == 1)
        #expect(offline.failures.allSatisfy { !$0.contains("\n") && $0.contains("unreachable") })
        #expect(offline.waiting == 1)
        #expect(try fixture.readIDs() == [stories[2]], "the local mark stays")

        let online = await fixture.engine().run()
        #expect(online.failures == [])
        #expect(online.pushed == 1)
        let state = try await fixture.serverState(feedID: feed.id)
        #expect(state.unread == Set(state.ids.prefix(2)))
        #expect(try fixture.store.queuedMarkCount() == 0)
        await fixture.cleanUp()
    }

    @Test func givenAWrongPassword_whenSyncing_thenOneLineNamesTheUser_andNothingIsLost() async throws {
        let fixture = try await SyncAccountFixture.make(server, label: "wrongpw")
        try fixture.addAccount()
        let feed = try await fixture.serverFeed(2)
        #expect(await fixture.engine().run().failures == [])
        try fixture.store.setRead(true, ids: try fixture.storyIDs(feed.url))

        let wrong = "not " + fixture.password
        let report = await fixture.engine(password: wrong).run()
        #expect(report.failures.count == 1)
        #expect(report.failures[0].contains(fixture.user) && !report.failures[0].contains(wrong))
        #expect(try fixture.store.queuedMarkCount() == 2)
        #expect(try fixture.store.count() == 2)
        #expect(try fixture.store.syncAccount()?.lastError == report.failures[0])
        await fixture.cleanUp()
    }

    @Test func givenSubscriptionsChangedOnEitherSide_whenSyncing_thenTheOtherSideFollows() async throws {
        let fixture = try await SyncAccountFixture.make(server, label: "subs")
        try fixture.addAccount()
        let onServer = try await fixture.serverFeed(2, name: "a")
        #expect(await fixture.engine().run().failures == [])
        #expect(try fixture.store.feeds().map(\.url) == [onServer.url])

        // Subscribed here: subscribed there.
        let local = try server.publish(TestFeed.rss(title: "Local \(fixture.user)", entries: TestFeed.entries(2, tag: fixture.user + "-b")),
                                       as: "\(fixture.user)-b.xml")
        try fixture.store.addFeed(url: local, tags: ["Norland"])
        let subscribed = await fixture.engine().run()
        #expect(subscribed.failures == [])
        #expect(subscribed.subscribedOnServer == 1)
        #expect(Set(try await fixture.client.feeds().map(\.url)) == [onServer.url, local])

        // Unsubscribed there: removed here; removed here: unsubscribed there; subscribed there: added here.
        try await fixture.client.unsubscribe(feedID: onServer.id)
        try fixture.store.removeFeed(url: local)
        let third = try await fixture.serverFeed(1, name: "c")
        let report = await fixture.engine().run()
        #expect(report.failures == [])
        #expect(report.removedLocally == 1 && report.unsubscribedOnServer == 1 && report.addedLocally == 1)
        #expect(try fixture.store.feeds().map(\.url) == [third.url])
        #expect(try await fixture.client.feeds().map(\.url) == [third.url])
        await fixture.cleanUp()
    }

    @Test func givenTheServerRestartsDuringASync_whenSyncingAgain_thenEveryItemIsStoredOnce_andMarksArrive() async throws {
        let fixture = try await SyncAccountFixture.make(server, label: "restart")
        try fixture.addAccount()
        let feed = try await fixture.serverFeed(450)
        let port = try FreePort.pick()
        let base = URL(string: "http://127.0.0.1:\(port)/")!
        var instance = try await OwnServer.start(server, port: port)
        let store = fixture.store
        // Stops the server as soon as the first page of items is stored (or when the sync ends first).
        let stopper = Task {
            while try store.serverItems().isEmpty { try await Task.sleep(for: .milliseconds(20)) }
        }
        async let interrupted = fixture.engine(baseURL: base).run()
        _ = try? await stopper.value
        await instance.stop()
        let first = await interrupted
        stopper.cancel()
        #expect(first.failures.count <= 1)

        try await fixture.client.setArticles(Array(try await fixture.serverState(feedID: feed.id).ids.prefix(5)),
                                             field: .unread, to: false)
        instance = try await OwnServer.start(server, port: port)
        let second = await fixture.engine(baseURL: base).run()
        await instance.stop()
        #expect(second.failures == [])
        #expect(try fixture.store.count() == 450)
        #expect(Set(try fixture.store.serverItems().values).count == 450)
        #expect(try fixture.readIDs().count == 5)
        await fixture.cleanUp()
    }
}
