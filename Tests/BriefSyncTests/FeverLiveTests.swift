import BriefSync
import Foundation
import Testing

/// The Fever client against a real coldsweat (scripts/fever-server). Each test creates its own user and feed file
/// (coldsweat keeps read and saved marks per user), so tests running in parallel do not interfere.
@Suite(.enabled(if: SyncServer.fever != nil, SyncServer.feverSkip))
struct FeverLiveTests {
    let server = SyncServer.fever!

    private func newUser(_ label: String) async throws -> (email: String, password: String, client: FeverClient) {
        let email = "\(SyncServer.uniqueUser(label))@example.org"
        let password = "pw-\(UUID().uuidString)"
        try await server.script(["adduser", email], input: password + "\n")
        return (email, password, FeverClient(baseURL: server.url, email: email, password: password))
    }

    /// Publishes a feed of `count` items and subscribes the user (the Fever API cannot: the script does).
    private func subscribe(_ email: String, count: Int) async throws -> String {
        let name = email.replacingOccurrences(of: "@", with: "-") + ".xml"
        let url = try server.publish(TestFeed.rss(title: "Norland \(email)", entries: TestFeed.entries(count, tag: email)), as: name)
        try await server.script(["subscribe", email, url])
        return url
    }

    @Test func givenTheRightKey_whenVerifying_thenTheServerAccepts_andAWrongPasswordIsOneLine() async throws {
        let user = try await newUser("login")
        try await user.client.verify()
        let wrong = FeverClient(baseURL: server.url, email: user.email, password: "x" + user.password)
        let error = try await #require(throws: SyncError.self) { try await wrong.verify() }
        #expect(error == .loginRefused(user: user.email, url: wrong.endpoint.absoluteString))
        #expect(!error.description.contains("\n"))
        #expect(!error.description.contains(user.password))
    }

    @Test func givenMoreItemsThanOneCall_whenListingSinceZero_thenEveryItemComesOnceAndFeedsAreListed() async throws {
        let user = try await newUser("items")
        let url = try await subscribe(user.email, count: 120)
        let items = try await user.client.allItems(since: 0)
        let mine = items.filter { $0.url.hasPrefix("http://example.org/\(user.email)/") }
        #expect(mine.count == 120)
        #expect(Set(mine.map(\.id)).count == 120)
        #expect(try await user.client.items(since: 0).count <= FeverClient.pageLimit)
        let (feeds, groups) = try await user.client.feedsAndGroups()
        #expect(feeds.map(\.url) == [url])
        #expect(feeds[0].groupIDs.allSatisfy { id in groups.contains { $0.id == id } })
        #expect(try await user.client.unreadItemIDs().isSuperset(of: mine.map(\.id)))
    }

    @Test func givenItems_whenMarkingReadUnreadSavedAndUnsaved_thenTheServerReadsBackEachState() async throws {
        let user = try await newUser("marks")
        _ = try await subscribe(user.email, count: 4)
        let ids = try await user.client.allItems(since: 0).filter { $0.url.contains(user.email) }.map(\.id).sorted()
        #expect(ids.count == 4)

        try await user.client.mark(item: ids[0], as: .read)
        try await user.client.mark(item: ids[0], as: .read)
        try await user.client.mark(item: ids[1], as: .read)
        #expect(try await user.client.unreadItemIDs().isDisjoint(with: ids.prefix(2)))
        try await user.client.mark(item: ids[1], as: .unread)
        let unread = try await user.client.unreadItemIDs()
        #expect(unread.contains(ids[1]) && !unread.contains(ids[0]))

        try await user.client.mark(item: ids[2], as: .saved)
        try await user.client.mark(item: ids[3], as: .saved)
        try await user.client.mark(item: ids[3], as: .unsaved)
        #expect(try await user.client.savedItemIDs() == [ids[2]])
        // Another user's marks are their own.
        let other = try await newUser("other")
        #expect(try await other.client.savedItemIDs().isEmpty)
    }
}
