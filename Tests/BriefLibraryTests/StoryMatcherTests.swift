@testable import BriefLibrary
import BriefModel
import BriefStore
import BriefSync
import Foundation
import Testing

@Suite("Matching a server's items with stories Brief fetched itself")
struct StoryMatcherTests {
    /// A cache with one feed's two items stored as Brief's own fetch stores them.
    static func store() throws -> (Store, [Int64]) {
        let store = try Store.inMemory()
        let published = Date(timeIntervalSince1970: 1_790_000_000)
        let items = [
            FeedItem(id: "urn:norland:dam-talks", link: "https://mfa.example/dam", title: "Dam talks resume",
                     published: published, content: .text("Minister Alva Renholt said talks resume.")),
            FeedItem(id: "https://mfa.example/Border/", link: "https://mfa.example/Border/", title: "Border note",
                     published: published, content: .text("A note on the border.")),
        ]
        let outcomes = try store.importFeedItems(feedURL: "https://mfa.example/rss",
                                                 items: FeedImportItem.prepare(items, source: "MFA", annotate: { $0 }))
        return (store, outcomes.map(\.id))
    }

    static func remote(identity: String?, link: String, title: String = "Other", published: Date? = nil) -> RemoteItem {
        RemoteItem(id: 1, feedID: 1, identity: identity, title: title, link: link, html: "", published: published,
                   isUnread: true, isStarred: false)
    }

    @Test("TT-RSS's hash of the guid matches even when the server reports another link")
    func hashOfGuid() throws {
        let (store, ids) = try Self.store()
        let matcher = try StoryMatcher(store: store)
        let hash = ItemIdentity.ttrssHash(guid: "urn:norland:dam-talks", link: nil)
        #expect(matcher.match(Self.remote(identity: hash, link: "https://proxy.example/x"), feedURL: nil) == ids[0])
        #expect(matcher.match(Self.remote(identity: "SHA1:0000", link: "https://proxy.example/x"), feedURL: nil) == nil)
    }

    @Test("Without a matching hash, the feed and the normalised link match (scheme, www, trailing slash, fragment)")
    func feedAndLink() throws {
        let (store, ids) = try Self.store()
        let matcher = try StoryMatcher(store: store)
        let item = Self.remote(identity: nil, link: "http://www.MFA.example/Border#top")
        #expect(matcher.match(item, feedURL: "https://mfa.example/rss") == ids[1])
        #expect(matcher.match(item, feedURL: "https://other.example/rss") == nil, "another feed's link is not this one")
    }

    @Test("Last, the title and the day match")
    func titleAndDay() throws {
        let (store, ids) = try Self.store()
        let matcher = try StoryMatcher(store: store)
        let sameDay = Date(timeIntervalSince1970: 1_790_000_000 + 600)
        #expect(matcher.match(Self.remote(identity: nil, link: "", title: "Dam talks resume", published: sameDay),
                              feedURL: nil) == ids[0])
        #expect(matcher.match(Self.remote(identity: nil, link: "", title: "Dam talks resume",
                                          published: sameDay.addingTimeInterval(3 * 86_400)), feedURL: nil) == nil)
    }

    @Test("A story already linked to a server item is not matched again")
    func linkedStoriesAreLeftOut() throws {
        let (store, ids) = try Self.store()
        try store.setSyncAccount(kind: "ttrss", url: "https://rss.example/", user: "ann")
        try store.linkServerItems([(serverID: 5, storyID: ids[0], feedID: 1)], lastItemID: 5)
        let matcher = try StoryMatcher(store: store)
        #expect(matcher.match(Self.remote(identity: ItemIdentity.ttrssHash(guid: "urn:norland:dam-talks", link: nil),
                                          link: ""), feedURL: nil) == nil)
    }
}
