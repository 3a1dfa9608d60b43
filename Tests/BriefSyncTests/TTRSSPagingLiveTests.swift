import BriefLibrary
import BriefSync
import Foundation
import Testing

/// Paging new items while the server's order changes under it, against a real tt-rss (scripts/ttrss-server). Safe
/// under the parallel runner: the test has its own server user and feed file (SyncAccountFixture).
@Suite(.enabled(if: SyncServer.ttrss != nil, SyncServer.ttrssSkip))
struct TTRSSPagingLiveTests {
    let server = SyncServer.ttrss!

    /// Thirty of the oldest items re-dated to the newest while the first page is handled: the pages not yet asked
    /// for begin thirty items later than they would have, so items fall between two pages (twenty, without the
    /// check). The seam check sees it and a listing of ids fetches them.
    @Test func givenItemsRedatedWhilePaging_whenReceivingNewItems_thenNoItemIsDropped() async throws {
        let fixture = try await SyncAccountFixture.make(server, label: "seams")
        let count = 1_300
        let entries = TestFeed.entries(count, tag: "\(fixture.user)-main")
        let dates = TestFeed.dates(count)
        let title = "Norland main \(fixture.user)"
        let url = try server.publish(TestFeed.rss(title: title, entries: entries, dates: dates), as: "\(fixture.user)-main.xml")
        let feedID = try await fixture.client.subscribe(to: url)
        try await server.script(["update", String(feedID)])

        let moved = 30
        var redated = Array(dates.dropFirst(moved))
        redated += (1...moved).map { Date().addingTimeInterval(Double($0) * 60) }
        let service = TTRSSService(client: TTRSSClient(baseURL: server.url, user: fixture.user, password: fixture.password,
                                                       limits: SyncConnection.limits))
        var received: [Int] = []
        _ = try await service.newItems(since: 0) { page in
            if received.isEmpty {
                let revised = Array(entries.dropFirst(moved)) + entries.prefix(moved).map {
                    TestFeed.Entry(guid: $0.guid, link: $0.link, title: $0.title + " (revised)")
                }
                _ = try server.publish(TestFeed.rss(title: title, entries: revised, dates: redated), as: "\(fixture.user)-main.xml")
                try await server.script(["update", String(feedID)])
            }
            received += page.map(\.id)
        }
        let all = try await fixture.client.headlines(feedID: feedID)
        #expect(all.count == count)
        #expect(all.suffix(moved).allSatisfy { $0.title.hasSuffix("(revised)") }, "the server re-dated them")
        #expect(Set(received) == Set(all.map(\.id)), "\(Set(all.map(\.id)).subtracting(received).count) items dropped")
        #expect(received.count == count, "each item once")
        await fixture.cleanUp()
    }
}
