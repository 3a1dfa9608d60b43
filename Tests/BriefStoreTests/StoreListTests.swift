import BriefModel
import BriefStore
import Foundation
import Testing

@Suite("Listing, counting and marking stories")
struct StoreListTests {
    /// Three stories: dated 1 Nov, dated 3 Nov, and undated (imported now, so newest by import time).
    private func threeStories() throws -> (Store, old: Int64, new: Int64, undated: Int64) {
        let store = try Store.inMemory()
        let ids = try store.importStories([
            StoryFixtures.item(StoryFixtures.plainStory(title: "Old", text: "a"), published: StoryFixtures.date("2026-11-01T00:00:00Z")),
            StoryFixtures.item(StoryFixtures.summitStory(title: "New"), published: StoryFixtures.date("2026-11-03T00:00:00Z")),
            StoryFixtures.item(StoryFixtures.plainStory(title: "Undated", text: "c")),
        ]).map(\.id)
        return (store, ids[0], ids[1], ids[2])
    }

    @Test("Summaries are newest first, undated stories placed by their import time")
    func summariesNewestFirst() throws {
        // Given two dated stories and one undated one imported now
        let (store, _, _, _) = try threeStories()
        // When the list is read
        let titles = try store.summaries().map(\.title)
        // Then the undated (imported now) comes first, then the dated ones newest first
        #expect(titles == ["Undated", "New", "Old"])
    }

    @Test("A summary names its top three entities, most mentioned first")
    func summaryTopEntities() throws {
        let (store, _, new, _) = try threeStories()
        let summary = try #require(try store.summaries().first { $0.id == new })
        #expect(summary.topEntities == ["NATO", "Sergei Lavrov", "Moscow"])
        #expect(try store.summaries().first { $0.title == "Old" }?.topEntities == [])
    }

    @Test("Marking read and unread changes the unread list and counts")
    func markReadAndUnread() throws {
        // Given three unread stories
        let (store, old, new, _) = try threeStories()
        #expect(try store.count() == 3 && store.count(unreadOnly: true) == 3)

        // When two are marked read
        try store.setRead(true, ids: [old, new])

        // Then only one is unread, and the read ones carry a read time
        #expect(try store.count(unreadOnly: true) == 1)
        #expect(try store.summaries(unreadOnly: true).map(\.title) == ["Undated"])
        #expect(try store.story(id: old)?.summary.isRead == true)

        // When one is marked unread again, Then it is back in the unread list
        try store.setRead(false, ids: [old])
        #expect(try store.summaries(unreadOnly: true).map(\.title) == ["Undated", "Old"])
        #expect(try store.count() == 3)
    }

    @Test("Marking an unknown id fails and changes nothing, even for the known ids beside it")
    func markUnknownChangesNothing() throws {
        let (store, old, _, _) = try threeStories()
        #expect(throws: StoreError.noSuchStory(id: 999)) { try store.setRead(true, ids: [old, 999]) }
        #expect(try store.count(unreadOnly: true) == 3)
    }

    @Test("Mark all read returns exactly the ids it changed")
    func markAllReadReturnsChanged() throws {
        // Given one story already read
        let (store, old, new, undated) = try threeStories()
        try store.setRead(true, ids: [old])
        // When all are marked read
        let changed = try store.markAllRead()
        // Then the other two were changed and none is unread
        #expect(Set(changed) == [new, undated])
        #expect(try store.count(unreadOnly: true) == 0)
        #expect(try store.markAllRead() == [])
    }

    @Test("Marking a read story read again keeps its first read time")
    func rereadKeepsReadTime() throws {
        let (store, old, _, _) = try threeStories()
        try store.setRead(true, ids: [old])
        let first = try store.story(id: old)?.summary.readAt
        try store.setRead(true, ids: [old])
        #expect(try store.story(id: old)?.summary.readAt == first)
    }
}
