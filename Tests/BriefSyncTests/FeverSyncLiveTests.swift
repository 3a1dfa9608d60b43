import BriefLibrary
import BriefStore
import BriefSync
import Foundation
import Testing

/// The sync engine against a real Fever server (coldsweat, scripts/fever-server), the same engine as for TT-RSS.
/// Safe under the parallel runner: each test has its own Fever user, feed file and cache.
@Suite(.enabled(if: SyncServer.fever != nil, SyncServer.feverSkip))
struct FeverSyncLiveTests {
    let server = SyncServer.fever!

    @Test func givenAFeverAccount_whenSyncing_thenItsFeedAndItemsArrive_andReadMarksGoBothWays() async throws {
        let email = "\(SyncServer.uniqueUser("feversync"))@example.org"
        let password = "pw-\(UUID().uuidString)"
        try await server.script(["adduser", email], input: password + "\n")
        let name = email.replacingOccurrences(of: "@", with: "-") + ".xml"
        let url = try server.publish(TestFeed.rss(title: "Norland \(email)", entries: TestFeed.entries(5, tag: email)), as: name)
        try await server.script(["subscribe", email, url])
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
}
