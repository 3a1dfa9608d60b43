@testable import BriefSync
import Foundation
import Testing

/// The TT-RSS client against a real tt-rss (scripts/ttrss-server). Each test creates its own server user and feed
/// file, so the parallel runner cannot make tests interfere; users are deleted at the end.
@Suite(.enabled(if: SyncServer.ttrss != nil, SyncServer.ttrssSkip))
struct TTRSSLiveTests {
    let server = SyncServer.ttrss!

    /// A fresh user with API access, and a client logged in as nobody yet.
    private func newUser(_ label: String) async throws -> (name: String, password: String, client: TTRSSClient) {
        let name = SyncServer.uniqueUser(label)
        let password = "pw \(UUID().uuidString)"
        try await server.script(["adduser", name], input: password + "\n")
        return (name, password, TTRSSClient(baseURL: server.url, user: name, password: password))
    }

    private func removeUser(_ name: String) async {
        try? await server.script(["deluser", name])
    }

    /// Publishes a feed, subscribes the client to it and has the server fetch it now.
    private func subscribedFeed(_ client: TTRSSClient, user: String, entries: [TestFeed.Entry]) async throws -> Int {
        let url = try server.publish(TestFeed.rss(title: "Norland dispatches \(user)", entries: entries), as: "\(user).xml")
        let id = try await client.subscribe(to: url)
        try await server.script(["update", String(id)])
        return id
    }

    @Test func givenANewUser_whenTheClientLogsIn_thenTheServerSpeaksAPILevel15OrLater() async throws {
        let user = try await newUser("login")
        let level = try await user.client.apiLevel()
        #expect(level >= TTRSSClient.requiredAPILevel)
        #expect(try await user.client.feeds().isEmpty)
        await removeUser(user.name)
    }

    @Test func givenAWrongPassword_whenLoggingIn_thenOneLineNamesTheUserAndNotThePassword() async throws {
        let user = try await newUser("wrongpw")
        let wrong = "not-\(user.password)"
        let client = TTRSSClient(baseURL: server.url, user: user.name, password: wrong)
        let error = try await #require(throws: SyncError.self) { try await client.login() }
        #expect(error == .loginRefused(user: user.name, url: client.apiURL.absoluteString))
        #expect(!error.description.contains("\n"))
        #expect(!error.description.contains(wrong))
        await removeUser(user.name)
    }

    @Test func givenTheBrowserAddress_whenTheClientCallsTheAPI_thenItFindsApiUnderIt() async throws {
        let user = try await newUser("baseurl")
        let withoutSlash = URL(string: server.url.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")))!
        let client = TTRSSClient(baseURL: withoutSlash, user: user.name, password: user.password)
        #expect(client.apiURL.absoluteString == server.url.absoluteString + "api/")
        #expect(try await client.apiLevel() >= 15)
        await removeUser(user.name)
    }

    @Test func givenASubscriptionMadeByBrief_whenAnotherClientLists_thenItIsThere_andUnsubscribingRemovesIt() async throws {
        let user = try await newUser("subs")
        let url = try server.publish(TestFeed.rss(title: "Subs", entries: TestFeed.entries(3, tag: user.name)), as: "\(user.name).xml")
        let id = try await user.client.subscribe(to: url)
        #expect(try await user.client.subscribe(to: url) == id, "subscribing twice gives the same feed")
        // The other direction: a second session (as the web UI or another reader would be) sees and changes it.
        let other = TTRSSClient(baseURL: server.url, user: user.name, password: user.password)
        #expect(try await other.feeds().map(\.url) == [url])
        try await other.unsubscribe(feedID: id)
        #expect(try await user.client.feeds().isEmpty)
        let again = try await other.subscribe(to: url)
        #expect(try await user.client.feeds().map(\.id) == [again])
        #expect(try await user.client.categories().contains { $0.id == 0 })
        await removeUser(user.name)
        server.unpublish("\(user.name).xml")
    }

    @Test func givenAnUnknownFeedID_whenUnsubscribing_thenTheServersErrorIsOneLine() async throws {
        let user = try await newUser("unsub")
        let error = try await #require(throws: SyncError.self) { try await user.client.unsubscribe(feedID: 999_999_999) }
        guard case .server(_, let operation, _) = error else { Issue.record("got \(error)"); return }
        #expect(operation == "unsubscribeFeed")
        #expect(!error.description.contains("\n"))
        await removeUser(user.name)
    }

    @Test func givenMoreItemsThanOnePage_whenListingHeadlines_thenEveryItemComesOnceWithTheGuidHashBriefComputes() async throws {
        let user = try await newUser("paged")
        var entries = TestFeed.entries(229, tag: user.name)
        entries.append(TestFeed.Entry(guid: nil, link: "http://example.org/\(user.name)/no-guid", title: "Norland: a note without guid"))
        let feedID = try await subscribedFeed(user.client, user: user.name, entries: entries)

        let firstPage = try await user.client.headlinePage(feedID: feedID, limit: 1000)
        #expect(firstPage.count == TTRSSClient.pageLimit, "the server caps a page at 200")
        let all = try await user.client.headlines(feedID: feedID)
        #expect(all.count == 230)
        #expect(Set(all.map(\.id)).count == 230)
        let expected = Set(entries.map { ItemIdentity.ttrssHash(guid: $0.guid, link: $0.link)! })
        #expect(Set(all.map(\.identity)) == expected)
        #expect(try await user.client.headlines(feedID: feedID, sinceID: all.map(\.id).max()!).isEmpty)
        await removeUser(user.name)
        server.unpublish("\(user.name).xml")
    }

    @Test func givenFetchedItems_whenMarkingReadUnreadAndStarred_thenTheServerReadsBackEachState() async throws {
        let user = try await newUser("marks")
        let feedID = try await subscribedFeed(user.client, user: user.name, entries: TestFeed.entries(6, tag: user.name))
        let ids = try await user.client.headlines(feedID: feedID).map(\.id).sorted()
        #expect(ids.count == 6)
        let chosen = Array(ids.prefix(3))

        #expect(try await user.client.setArticles(chosen, field: .unread, to: false) == 3)
        // Setting again is not a toggle: they stay read.
        #expect(try await user.client.setArticles(chosen, field: .unread, to: false) == 3)
        let reader = TTRSSClient(baseURL: server.url, user: user.name, password: user.password)
        let unread = Set(try await reader.headlines(feedID: feedID, viewMode: .unread).map(\.id))
        #expect(unread == Set(ids.dropFirst(3)))

        try await user.client.setArticles([chosen[0]], field: .unread, to: true)
        #expect(Set(try await reader.headlines(feedID: feedID, viewMode: .unread).map(\.id)) == unread.union([chosen[0]]))

        try await user.client.setArticles([ids[4], ids[5]], field: .starred, to: true)
        try await user.client.setArticles([ids[4], ids[5]], field: .starred, to: true)
        #expect(Set(try await reader.headlines(feedID: TTRSSFeedID.starred).map(\.id)) == [ids[4], ids[5]])
        try await user.client.setArticles([ids[5]], field: .starred, to: false)
        let headlines = try await reader.headlines(feedID: feedID)
        #expect(headlines.filter(\.isStarred).map(\.id) == [ids[4]])
        #expect(Set(headlines.filter { !$0.isUnread }.map(\.id)) == Set(chosen.dropFirst()))
        await removeUser(user.name)
        server.unpublish("\(user.name).xml")
    }

    @Test func givenTheServerForgotTheSession_whenTheClientCallsAgain_thenItLogsInAgainAndTheCallSucceeds() async throws {
        let user = try await newUser("relogin")
        try await user.client.login()
        let killed = try #require(await user.client.sessionID)
        // End the client's session behind its back, as an expiry or a logout elsewhere does.
        let body = TTRSSRequest.logout.body(sessionID: killed)
        _ = try await HTTPTransport().post(user.client.apiURL, body: body, contentType: "application/json")

        #expect(try await user.client.feeds().isEmpty, "the call after NOT_LOGGED_IN logs in again and succeeds")
        let renewed = try #require(await user.client.sessionID)
        #expect(renewed != killed)
        await removeUser(user.name)
    }

    @Test func givenTheServerRestartsMidSequence_whenCalling_thenOneLineWhileDown_andTheNextCallSucceeds() async throws {
        let user = try await newUser("restart")
        let port = try FreePort.pick()
        let base = URL(string: "http://127.0.0.1:\(port)/")!
        let client = TTRSSClient(baseURL: base, user: user.name, password: user.password,
                                 limits: HTTPLimits(idleTimeout: 10, totalTimeout: 30))
        var instance = try await OwnServer.start(server, port: port)
        #expect(try await client.apiLevel() >= 15)
        await instance.stop()

        let error = try await #require(throws: SyncError.self) { try await client.feeds() }
        guard case .unreachable = error else { Issue.record("got \(error)"); return }
        #expect(!error.description.contains("\n"))

        instance = try await OwnServer.start(server, port: port)
        #expect(try await client.feeds().isEmpty)
        await instance.stop()
        await removeUser(user.name)
    }
}
