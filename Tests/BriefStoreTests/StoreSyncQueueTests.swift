import BriefModel
import BriefStore
import Foundation
import Testing

@Suite("The sync queue: every mark queued with the mark itself, only with an account")
struct StoreSyncQueueTests {
    /// A store holding `count` stories from a feed, and one story imported from a file (no server can know it).
    static func storeWithFeed(_ count: Int) throws -> (store: Store, feed: [Int64], file: Int64) {
        let store = try Store.inMemory()
        let items = (0..<count).map {
            StoreFeedsTests.item("urn:norland:\($0)", title: "Norland note \($0)", body: "Minister Alva Renholt spoke \($0).",
                                 link: "https://mfa.example/\($0)")
        }
        let feed = try store.importFeedItems(feedURL: "https://mfa.example/rss", items: items).map(\.id)
        let file = try store.importStories([StoreFeedsTests.item("f", title: "Memo", body: "A memo.").story])[0].id
        return (store, feed, file)
    }

    @Test("Without an account no mark is queued")
    func noAccountNoQueue() throws {
        let (store, feed, _) = try Self.storeWithFeed(3)
        try store.setRead(true, ids: feed)
        _ = try store.markAllRead()
        #expect(try store.queuedMarkCount() == 0)
    }

    @Test("With an account every read change of a feed story is queued as an explicit state; the last one wins")
    func marksAreQueuedLastWins() throws {
        let (store, feed, file) = try Self.storeWithFeed(3)
        try store.setSyncAccount(kind: "ttrss", url: "https://rss.example/", user: "ann")
        try store.setRead(true, ids: [feed[0], file])
        try store.setRead(true, ids: [feed[0]])  // no change: nothing more queued
        #expect(try store.queuedMarks().map { [$0.storyID, $0.value ? 1 : 0, Int64($0.revision)] } == [[feed[0], 1, 1]])
        try store.setRead(false, ids: [feed[0]])
        let marks = try store.queuedMarks()
        #expect(marks.count == 1)
        #expect(marks[0].value == false && marks[0].revision == 2 && marks[0].field == .read)
        #expect(marks[0].serverID == nil)

        // Mark all read (the reader's `A`, `brief mark read --all`) queues each feed story it changed.
        let changed = try store.markAllRead()
        #expect(Set(changed) == Set(feed))
        #expect(Set(try store.queuedMarks().filter(\.value).map(\.storyID)) == Set(feed))
    }

    @Test("Stars are queued like read marks, each mark under its own field")
    func starsAreQueued() throws {
        let (store, feed, file) = try Self.storeWithFeed(2)
        try store.setSyncAccount(kind: "ttrss", url: "https://rss.example/", user: "ann")
        try store.setStarred(true, ids: [feed[0], file])
        try store.setRead(true, ids: [feed[0]])
        try store.setStarred(false, ids: [feed[0]])
        let marks = try store.queuedMarks().sorted { $0.field.rawValue < $1.field.rawValue }
        #expect(marks.map(\.field) == [.read, .star])
        #expect(marks.map(\.value) == [true, false])
        #expect(marks[1].revision == 2)
        try store.linkServerItems([(9, feed[0], 1)], lastItemID: 9)
        #expect(try store.applyServerMarks([9: false], field: .star) == 0)
        #expect(try store.queuedMarks().map(\.field) == [.read], "the server's unstarred state confirms the unstar")
    }

    @Test("A failed mark leaves nothing queued: the queue row is in the mark's own transaction")
    func failedMarkQueuesNothing() throws {
        let (store, feed, _) = try Self.storeWithFeed(2)
        try store.setSyncAccount(kind: "fever", url: "https://rss.example/", user: "ann@example.org")
        #expect(throws: StoreError.noSuchStory(id: 999_999)) { try store.setRead(true, ids: [feed[0], 999_999]) }
        #expect(try store.queuedMarkCount() == 0)
    }

    @Test("The server's marks are applied without being queued; a queued mark keeps its story until the server agrees")
    func serverMarksAreNotQueued() throws {
        let (store, feed, _) = try Self.storeWithFeed(3)
        try store.setSyncAccount(kind: "ttrss", url: "https://rss.example/", user: "ann")
        try store.linkServerItems([(101, feed[0], 1), (102, feed[1], 1), (103, feed[2], 1)], lastItemID: 103)
        try store.setRead(true, ids: [feed[2]])

        // The server: 101 read, 102 unread, 103 still unread (the push has not arrived).
        #expect(try store.applyServerMarks([101: true, 102: false, 103: false], field: .read) == 1)
        #expect(try store.summaries().filter(\.isRead).map(\.id).sorted() == [feed[0], feed[2]])
        #expect(try store.queuedMarks().map(\.storyID) == [feed[2]])
        #expect(try store.queuedMarks().first?.serverID == 103)
        // Once the server reads back the queued state, the mark is done.
        try store.applyServerMarks([103: true], field: .read)
        #expect(try store.queuedMarkCount() == 0)
        #expect(try store.syncAccount()?.lastItemID == 103)
    }

    @Test("A push failure is counted; a mark replaced meanwhile is neither counted nor dropped")
    func pushBookkeepingFollowsRevisions() throws {
        let (store, feed, _) = try Self.storeWithFeed(2)
        try store.setSyncAccount(kind: "ttrss", url: "https://rss.example/", user: "ann")
        try store.setRead(true, ids: feed)
        let pushed = try store.queuedMarks()
        try store.setRead(false, ids: [feed[1]])  // replaced while the push was under way
        try store.recordPushFailure(pushed, error: "sync server unreachable")
        try store.dropQueuedMarks(pushed)
        let left = try store.queuedMarks()
        #expect(left.map(\.storyID) == [feed[1]])
        #expect(left[0].attempts == 0 && left[0].value == false)
    }

    @Test("Removing the account drops its queue and links but keeps stories and marks; another account starts afresh")
    func removingTheAccountKeepsStories() throws {
        let (store, feed, _) = try Self.storeWithFeed(2)
        try store.setSyncAccount(kind: "ttrss", url: "https://rss.example/", user: "ann")
        try store.linkServerItems([(7, feed[0], 1)], lastItemID: 7)
        try store.setRead(true, ids: [feed[0]])
        try store.setSyncAccount(kind: "ttrss", url: "https://rss.example/", user: "ann")  // the same: kept
        #expect(try store.queuedMarkCount() == 1)
        #expect(try store.removeSyncAccount())
        #expect(try store.syncAccount() == nil)
        #expect(try store.queuedMarkCount() == 0 && store.serverItems().isEmpty)
        #expect(try store.summaries().filter(\.isRead).map(\.id) == [feed[0]])
        #expect(try store.removeSyncAccount() == false)
        #expect(try store.integrityProblems() == [])
    }
}
