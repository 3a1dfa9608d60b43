import BriefModel
@testable import BriefStore
import Foundation
import GRDB
import Testing

/// A story row whose text blob no longer reads back (SQLite checks its pages, not what Brief wrote in them).
@Suite("A story whose text in the cache is damaged")
struct DamagedStoryTests {
    private func cache() throws -> (dir: URL, store: Store, damaged: Int64, sound: Int64) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("brief-damaged-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let store = try Store(path: dir.appendingPathComponent("brief.sqlite").path)
        let ids = try store.importStories([
            StoryFixtures.item(StoryFixtures.summitStory()),
            StoryFixtures.item(StoryFixtures.plainStory(title: "Ferry talks resume", text: "The ferry talks resumed.")),
        ]).map(\.id)
        _ = try store.setRead(true, ids: [ids[0]])
        return (dir, store, ids[0], ids[1])
    }

    @Test("Reading it is one error naming the story, for a garbled blob and a missing one; the rest reads as before")
    func damagedBody() throws {
        for blob in [Data([0x78, 0x9C, 0x01, 0x02, 0x03]), nil] {
            let (dir, store, damaged, sound) = try cache()
            defer { try? FileManager.default.removeItem(at: dir) }
            try store.writer.write { db in
                try db.execute(sql: "UPDATE stories SET body = ? WHERE id = ?", arguments: [blob, damaged])
            }
            // The story itself: an error saying what, not an empty story
            #expect(throws: StoreError.damagedStory(id: damaged)) { try store.story(id: damaged) }
            let said = "story \(damaged)'s text in the cache is damaged and cannot be read; the cache was left unchanged"
            #expect("\(StoreError.damagedStory(id: damaged))" == said)
            // The other story, the list and the marks are untouched, and the cache's check names the damage
            #expect(try store.story(id: sound)?.story.title == "Ferry talks resume")
            let listed = try store.summaries()
            #expect(Set(listed.map(\.id)) == [damaged, sound])
            #expect(listed.first { $0.id == damaged }?.readAt != nil)
            #expect(try store.integrityProblems().contains("1 stories whose text cannot be read"))
        }
    }
}
