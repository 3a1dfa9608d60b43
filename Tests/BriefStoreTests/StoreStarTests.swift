import BriefModel
import BriefStore
import Foundation
import GRDB
import Testing

@Suite("Stars: starring, the Starred list, and every mark reporting what it changed")
struct StoreStarTests {
    /// Three stories dated 1, 2 and 3 November, newest first: "Third", "Second", "First".
    private func threeStories() throws -> (Store, first: Int64, second: Int64, third: Int64) {
        let store = try Store.inMemory()
        let ids = try store.importStories([
            StoryFixtures.item(StoryFixtures.plainStory(title: "First", text: "a"), published: StoryFixtures.date("2026-11-01T00:00:00Z")),
            StoryFixtures.item(StoryFixtures.plainStory(title: "Second", text: "b"), published: StoryFixtures.date("2026-11-02T00:00:00Z")),
            StoryFixtures.item(StoryFixtures.plainStory(title: "Third", text: "c"), published: StoryFixtures.date("2026-11-03T00:00:00Z")),
        ]).map(\.id)
        return (store, ids[0], ids[1], ids[2])
    }

    @Test("Starring returns the ids it changed, and the list, the story and the Starred list show the star")
    func starAndList() throws {
        // Given three stories, none starred
        let (store, first, _, third) = try threeStories()
        #expect(try store.summaries().allSatisfy { !$0.isStarred })
        // When two are starred, one of them twice
        #expect(try store.setStarred(true, ids: [first, third]) == [first, third])
        #expect(try store.setStarred(true, ids: [third]) == [])
        // Then the Starred list holds them newest first, with the star on list rows and the open story
        #expect(try store.summaries(StoryFilter(starredOnly: true)).map(\.title) == ["Third", "First"])
        #expect(try store.starredIDs() == [third, first])
        #expect(try store.summaries().map(\.isStarred) == [true, false, true])
        #expect(try store.story(id: first)?.summary.isStarred == true)
        #expect(try store.counts(StoryFilter(starredOnly: true)) == (total: 2, unread: 2))
        // When one is unstarred, Then only the other stays starred
        #expect(try store.setStarred(false, ids: [first, first]) == [first])
        #expect(try store.starredIDs() == [third])
    }

    @Test("Starring keeps the time of a story already starred, and starring is independent of reading")
    func starTimeKept() throws {
        let (store, first, _, _) = try threeStories()
        try store.setStarred(true, ids: [first])
        let starred = try #require(try store.story(id: first)?.summary.starredAt)
        try store.setStarred(true, ids: [first])
        try store.setRead(true, ids: [first])
        let summary = try #require(try store.story(id: first)?.summary)
        #expect(summary.starredAt == starred)
        #expect(summary.isRead)
        // Marking unread leaves the star alone
        try store.setRead(false, ids: [first])
        #expect(try store.story(id: first)?.summary.isStarred == true)
        #expect(try store.summaries(StoryFilter(unreadOnly: true, starredOnly: true)).map(\.id) == [first])
    }

    @Test("Starring an unknown id fails and stars nothing, even the known ids beside it")
    func starUnknownChangesNothing() throws {
        let (store, first, _, _) = try threeStories()
        #expect(throws: StoreError.noSuchStory(id: 999)) { try store.setStarred(true, ids: [first, 999]) }
        #expect(try store.starredIDs().isEmpty)
    }

    @Test("Read marks report exactly the stories they changed: one by one, all read, all unread")
    func marksReportChanges() throws {
        let (store, first, second, third) = try threeStories()
        #expect(try store.setRead(true, ids: [first]) == [first])
        #expect(try store.setRead(true, ids: [first, second]) == [second])
        #expect(try store.markAllRead() == [third])
        #expect(try store.markAllRead() == [])
        #expect(try store.setRead(false, ids: [second]) == [second])
        #expect(try store.markAllUnread() == [first, third])
        #expect(try store.count(unreadOnly: true) == 3)
        #expect(try store.apply(.unread, ids: [first]) == [])
    }

    @Test("The Starred list reads its own index, not every story")
    func starredListUsesItsIndex() throws {
        // Given a cache file (the planner's choice is the file's), When the Starred list's query is planned
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brief-stars-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cache.sqlite").path
        _ = try Store(path: path)
        let queue = try DatabaseQueue(path: path)
        let plan = try queue.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT id FROM stories INDEXED BY stories_starred WHERE starred_at IS NOT NULL
                ORDER BY list_date DESC, id DESC
                """).map { $0["detail"] as String }
        }
        // Then it walks the starred index and sorts nothing
        #expect(plan.contains { $0.contains("stories_starred") })
        #expect(!plan.contains { $0.contains("TEMP B-TREE") })
    }
}

@Suite("Feeds and folders: a feed's and a folder's stories and counts, renaming, moving, marking a feed read")
struct StoreFolderTests {
    private func item(_ title: String) -> FeedImportItem {
        FeedImportItem(itemID: title, guid: nil, link: "https://desk.example/\(title)", fingerprint: title,
                       story: StoryFixtures.item(StoryFixtures.plainStory(title: title, text: title + " text")))
    }

    /// Harbour (in folder Sea) with two stories, Ministry (in Sea and Capital) with one, Loose (no folder) one.
    private func store() throws -> Store {
        let store = try Store.inMemory()
        try store.addFeed(url: "https://harbour.example/rss", title: "Harbour", tags: ["Sea"])
        try store.addFeed(url: "https://ministry.example/atom", title: "Ministry", tags: ["Sea", "Capital"])
        try store.addFeed(url: "https://loose.example/feed", title: "Loose")
        _ = try store.importFeedItems(feedURL: "https://harbour.example/rss", items: [item("berth"), item("rota")])
        _ = try store.importFeedItems(feedURL: "https://ministry.example/atom", items: [item("visa")])
        _ = try store.importFeedItems(feedURL: "https://loose.example/feed", items: [item("tuna")])
        return store
    }

    @Test("A feed's and a folder's stories, and their unread counts by feed")
    func filters() throws {
        let store = try store()
        #expect(Set(try store.summaries(StoryFilter(feed: "https://harbour.example/rss")).map(\.title)) == ["berth", "rota"])
        #expect(Set(try store.summaries(StoryFilter(folder: "Sea")).map(\.title)) == ["berth", "rota", "visa"])
        #expect(try store.summaries(StoryFilter(folder: "Capital")).map(\.title) == ["visa"])
        #expect(try store.summaries(StoryFilter(folder: "Nowhere")).isEmpty)
        let berth = try #require(try store.summaries().first { $0.title == "berth" })
        try store.setRead(true, ids: [berth.id])
        #expect(try store.unreadCountsByFeed() == ["https://harbour.example/rss": 1, "https://ministry.example/atom": 1,
                                                   "https://loose.example/feed": 1])
        #expect(try store.counts(StoryFilter(folder: "Sea")) == (total: 3, unread: 2))
    }

    @Test("Marking a feed read marks only its stories and returns them")
    func markFeedRead() throws {
        let store = try store()
        let marked = try store.markAllRead(StoryFilter(feed: "https://harbour.example/rss"))
        #expect(marked.count == 2)
        #expect(Set(try store.summaries(StoryFilter(unreadOnly: true)).map(\.title)) == ["visa", "tuna"])
        #expect(try store.markAllRead(StoryFilter(feed: "https://harbour.example/rss")) == [])
    }

    @Test("Renaming and moving a feed; an unknown feed is an error")
    func renameAndMove() throws {
        let store = try store()
        try store.renameFeed(url: "https://loose.example/feed", title: "Tuna Desk")
        try store.moveFeed(url: "https://loose.example/feed", toFolder: "Sea")
        try store.moveFeed(url: "https://ministry.example/atom", toFolder: nil)
        let feeds = try store.feeds()
        #expect(feeds.map(\.title) == ["Harbour", "Ministry", "Tuna Desk"])
        #expect(feeds.map(\.tags) == [["Sea"], [], ["Sea"]])
        #expect(throws: StoreError.noSuchFeed(url: "https://none.example/")) {
            try store.renameFeed(url: "https://none.example/", title: "x")
        }
        #expect(throws: StoreError.noSuchFeed(url: "https://none.example/")) {
            try store.moveFeed(url: "https://none.example/", toFolder: "Sea")
        }
    }
}

@Suite("Pruning: read, unstarred, old stories go with everything that hangs off them; nothing else does")
struct StorePruneTests {
    @Test("Only read, unstarred stories dated before the cutoff are deleted, search rows and all")
    func prune() throws {
        let store = try Store.inMemory()
        let old = StoryFixtures.date("2026-01-01T00:00:00Z")
        let ids = try store.importStories([
            StoryFixtures.item(StoryFixtures.summitStory(title: "Old read"), published: old),
            StoryFixtures.item(StoryFixtures.plainStory(title: "Old unread", text: "u"), published: old),
            StoryFixtures.item(StoryFixtures.plainStory(title: "Old starred", text: "s"), published: old),
            StoryFixtures.item(StoryFixtures.plainStory(title: "New read", text: "n"), published: Date()),
        ]).map(\.id)
        try store.setRead(true, ids: [ids[0], ids[2], ids[3]])
        try store.setStarred(true, ids: [ids[2]])
        let cutoff = StoryFixtures.date("2026-06-01T00:00:00Z")
        #expect(try store.pruneStories(before: cutoff, dryRun: true) == 1)
        #expect(try store.count() == 4)
        #expect(try store.pruneStories(before: cutoff) == 1)
        #expect(Set(try store.summaries().map(\.title)) == ["Old unread", "Old starred", "New read"])
        #expect(try store.search("summit").isEmpty)
        #expect(try store.integrityProblems() == [])
        #expect(try store.entities().allSatisfy { $0.stories == 0 || $0.mentions > 0 })
        #expect(try store.pruneStories(before: cutoff) == 0)
        #expect(try store.vacuum() == 0)
    }
}
