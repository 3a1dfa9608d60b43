import BriefLibrary
import BriefModel
import BriefStore
import Foundation
import Testing
@testable import BriefTUI

@Suite("The reader's background sync with the account")
struct BackgroundSyncTests {
    /// A cache with an account on a port nothing listens on (the machine offline) and one read mark queued.
    static func offlineStore() throws -> Store {
        let store = try Store.inMemory()
        let item = FeedItem(id: "urn:norland:1", link: "https://mfa.example/1", title: "Dam talks resume",
                            content: .text("Minister Alva Renholt said talks resume."))
        let ids = try store.importFeedItems(feedURL: "https://mfa.example/rss",
                                            items: FeedImportItem.prepare([item], source: "MFA", annotate: { $0 })).map(\.id)
        try store.setSyncAccount(kind: "ttrss", url: "http://127.0.0.1:1/", user: "ann")
        try store.setRead(true, ids: ids)
        return store
    }

    static func engine(_ store: Store) -> SyncEngine {
        SyncEngine(store: store, service: SyncConnection.service(kind: "ttrss", url: "http://127.0.0.1:1/", user: "ann",
                                                                 password: "pw")!, annotate: { $0 })
    }

    @Test("Offline, the status says how many marks wait, and the cache is as it was")
    func offlineSaysMarksWaiting() async throws {
        let store = try Self.offlineStore()
        let sync = BackgroundSync { Self.engine(store) }
        #expect(await sync.sync() == "offline: 1 marks waiting")
        #expect(try store.queuedMarkCount() == 1)
        #expect(try store.summaries().allSatisfy(\.isRead))
    }

    @Test("Without an account nothing is said; an account that cannot be used says why")
    func noAccountSaysNothing() async throws {
        #expect(await BackgroundSync { nil }.sync() == nil)
        struct Unusable: Error, CustomStringConvertible { var description: String { "no password kept for ann" } }
        #expect(await BackgroundSync { throw Unusable() }.sync() == "Sync failed: no password kept for ann")
    }

    @Test("On start the schedule syncs at once and posts the outcome to the reader's inbox")
    func scheduleSyncsOnStart() async throws {
        let store = try Self.offlineStore()
        let inbox = OperationInbox()
        let task = BackgroundSync { Self.engine(store) }.schedule(every: 60, posting: inbox)
        defer { task.cancel() }
        let posted = try await RefreshStartTests.firstPosted(inbox, finishing: true)
        guard case let .refreshFinished(message) = posted else { Issue.record("got \(posted)"); return }
        #expect(message == "offline: 1 marks waiting")
    }

    @Test("R syncs with the account before refreshing the feeds Brief fetches itself, and says both")
    func refreshSyncsFirst() async throws {
        let store = try Self.offlineStore()
        let sync = BackgroundSync { Self.engine(store) }
        let background = ReaderApp.refreshInBackground({ FeedRefresher(store: store, annotate: { $0 }) }, sync: sync)
        let inbox = OperationInbox()
        #expect(background(.refreshFeeds, inbox))
        let posted = try await RefreshStartTests.firstPosted(inbox, finishing: true)
        guard case let .refreshFinished(message) = posted else { Issue.record("got \(posted)"); return }
        #expect(message == "offline: 1 marks waiting", "no feeds of its own to refresh: the sync's line alone")
        try store.addFeed(url: "http://127.0.0.1:1/own.xml")
        #expect(background(.refreshFeeds, inbox))
        let again = try await RefreshStartTests.firstPosted(inbox, finishing: true)
        guard case let .refreshFinished(both) = again else { Issue.record("got \(again)"); return }
        #expect(both.hasPrefix("offline: 1 marks waiting · Refreshed: "))
    }

    @Test("sync_minutes is read from config.toml, and a value out of range is named")
    func syncMinutesConfig() {
        #expect(ConfigLoader.parse("sync_minutes = 5").0.syncMinutes == 5)
        #expect(ReaderConfig().syncMinutes == 15)
        let (config, problems) = ConfigLoader.parse("sync_minutes = 0")
        #expect(config.syncMinutes == 15)
        #expect(problems == ["line 1: sync_minutes must be a whole number of minutes from 1 to 1440"])
    }
}
