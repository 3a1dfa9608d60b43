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
