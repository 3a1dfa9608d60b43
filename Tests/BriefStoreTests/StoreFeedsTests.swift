import BriefModel
import BriefStore
import Foundation
import Testing

@Suite("Feed subscriptions and feed items in the store")
struct StoreFeedsTests {
    /// A feed item as the import hands it to the store: keyed as `FeedImportItem` keys it (a guid unless the id is
    /// the link), its text one paragraph.
    static func item(_ id: String, title: String, body: String, link: String? = nil) -> FeedImportItem {
        let feedItem = FeedItem(id: id, link: link, title: title, content: .text(body))
        let story = Story(title: title, sections: [Section(kind: .body, paragraphs: [Paragraph(text: body)])])
        return FeedImportItem(itemID: id, guid: id == link ? nil : id, link: link,
                              fingerprint: feedItem.fingerprint.value,
                              story: ImportItem(story: story, originalText: feedItem.articleText, source: "Test Desk",
                                                published: nil, format: .article))
    }

    @Test("Adding a feed twice keeps one subscription, takes the new title and merges tags")
    func addTwiceMerges() throws {
        let store = try Store.inMemory()
        #expect(try store.addFeed(url: "https://a.example/rss", tags: ["Ministries"]))
        #expect(try store.addFeed(url: "https://a.example/rss", title: "Alpha", tags: ["Ministries", "UN"]) == false)
        let feeds = try store.feeds()
        #expect(feeds.count == 1)
        #expect(feeds.first?.title == "Alpha")
        #expect(feeds.first?.tags == ["Ministries", "UN"])
    }

    @Test("Removing a feed keeps its stories and their read state")
    func removeKeepsStories() throws {
        // Given a feed with one stored, read item
        let store = try Store.inMemory()
        try store.addFeed(url: "https://a.example/rss")
        let outcomes = try store.importFeedItems(feedURL: "https://a.example/rss",
                                                 items: [Self.item("g1", title: "Dam talks", body: "Talks went on.")])
        try store.setRead(true, ids: outcomes.map(\.id))
        // When the feed is removed
        try store.removeFeed(url: "https://a.example/rss")
        // Then the story stays, read; and removing it again says there is no such feed
        #expect(try store.feeds().isEmpty)
        #expect(try store.count() == 1)
        #expect(try store.count(unreadOnly: true) == 0)
        #expect(throws: StoreError.noSuchFeed(url: "https://a.example/rss")) {
            try store.removeFeed(url: "https://a.example/rss")
        }
    }

    @Test("An item a feed already delivered is existing when unchanged, and updated in place when its text changed")
    func sameItemIDIsExistingOrUpdated() throws {
        let store = try Store.inMemory()
        let first = try store.importFeedItems(feedURL: "f", items: [Self.item("g1", title: "Dam talks", body: "Day one.")])
        let same = try store.importFeedItems(feedURL: "f", items: [Self.item("g1", title: "Dam talks", body: "Day one.")])
        let again = try store.importFeedItems(feedURL: "f", items: [Self.item("g1", title: "Dam talks", body: "Day two.")])
        #expect(first.map(\.isNew) == [true])
        #expect(same == [.existing(first[0].id)])
        #expect(again == [.updated(first[0].id)])
        #expect(try store.count() == 1)
        #expect(try store.story(id: first[0].id)?.story.sections.first?.paragraphs.first?.text == "Day two.")
    }

    @Test("The same link in another feed is the same story")
    func sameLinkAcrossFeeds() throws {
        let store = try Store.inMemory()
        let a = try store.importFeedItems(feedURL: "a", items: [Self.item("https://x.example/1", title: "Port opens",
                                                                          body: "Ships came in.", link: "https://x.example/1")])
        let b = try store.importFeedItems(feedURL: "b", items: [Self.item("other-id", title: "Port reopens",
                                                                          body: "The first ships came in.", link: "https://x.example/1")])
        #expect(b == [.existing(a[0].id)])
        #expect(try store.storyIDs(inFeed: "b") == [a[0].id])
    }
}
