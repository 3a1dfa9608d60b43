import BriefLibrary
import BriefModel
import BriefStore
import Testing

@Suite("The feed view's content: folders by name with their feeds, then the rest, with counts")
struct FeedOverviewTests {
    @Test("Folders sorted by name, feeds by title; a feed in two folders shows in both; counts and errors")
    func overview() throws {
        let store = try Store.inMemory()
        try store.addFeed(url: "https://b.example/rss", title: "Bravo", tags: ["World"])
        try store.addFeed(url: "https://a.example/rss", title: "alpha", tags: ["World", "Africa"])
        try store.addFeed(url: "https://c.example/rss")
        try store.recordFeedError(url: "https://c.example/rss", message: "HTTP 404")
        let story = ImportItem(story: Story(title: "Grain", sections: [Section(kind: .lede, paragraphs: [Paragraph(text: "Grain")])]),
                               originalText: "Grain", source: "Bravo", published: nil, format: .article)
        _ = try store.importFeedItems(feedURL: "https://b.example/rss", items: [
            FeedImportItem(itemID: "1", guid: nil, link: nil, fingerprint: "g", story: story),
        ])
        let overview = try FeedOverview.load(store)
        #expect(overview.folders.map(\.name) == ["Africa", "World"])
        #expect(overview.folders[1].feeds.map(\.title) == ["alpha", "Bravo"])
        #expect(overview.folders[1].unread == 1 && overview.folders[1].total == 1)
        #expect(overview.unfiled == [FeedEntry(url: "https://c.example/rss", title: "https://c.example/rss", unread: 0,
                                               total: 0, lastError: "HTTP 404")])
        #expect(overview.feedCount == 3)
    }
}
