import BriefModel
import BriefStore
import Foundation
import Testing

@Suite("CacheWatcher notices other connections' commits through data_version")
struct CacheWatcherTests {
    @Test("Another process's mark is noticed once; this process's own writes are not, after catchUp")
    func noticesOutsideCommits() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brief-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cache.sqlite").path
        // Given the reader's store with a story, and its watcher
        let reader = try Store(path: path)
        let id = try reader.importStories([StoryFixtures.item(StoryFixtures.plainStory(title: "Quota", text: "q"))])[0].id
        let watcher = try #require(reader.makeWatcher())
        #expect(!watcher.changed())
        // When another store on the same file (another process) marks it read
        let other = try Store(path: path)
        try other.setRead(true, ids: [id])
        // Then the watcher says so once
        #expect(watcher.changed())
        #expect(!watcher.changed())
        // And the reader's own write, caught up with, is no news
        try reader.setStarred(true, ids: [id])
        watcher.catchUp()
        #expect(!watcher.changed())
        #expect(Store.inMemoryWatcherIsNil())
    }
}

extension Store {
    static func inMemoryWatcherIsNil() -> Bool { (try? Store.inMemory())?.makeWatcher() == nil }
}
