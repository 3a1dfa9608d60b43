import BriefModel
import BriefStore
import Foundation
import Testing

/// A cache someone made read-only (the file, or its directory): read without a stray file, changes refused.
@Suite("A read-only cache file", .serialized)
struct StoreReadOnlyTests {
    private func cache() throws -> (dir: URL, path: String, id: Int64) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("brief-ro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("brief.sqlite").path
        let id = try Store(path: path).importStories([StoryFixtures.item(StoryFixtures.summitStory())])[0].id
        return (dir, path, id)
    }

    private func names(in dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    private func cleanUp(_ dir: URL) {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        try? FileManager.default.removeItem(at: dir)
    }

    @Test("A cache file with mode 0444 opens read-only: stories, entities and search read; marks are refused; no -wal or -shm")
    func readOnlyFile() throws {
        let (dir, path, id) = try cache()
        defer { cleanUp(dir) }
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let before = try names(in: dir)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            let store = try Store(path: path)
            #expect(store.isReadOnly)
            #expect(try store.count() == 1)
            #expect(try store.story(id: id)?.story == StoryFixtures.summitStory())
            #expect(try store.entities().contains { $0.key == StoryFixtures.lavrov.key })
            #expect(try store.search("Lavrov").map(\.id) == [id])
            #expect(throws: StoreError.readOnly(path: path)) { try store.setRead(true, ids: [id]) }
            #expect(throws: StoreError.readOnly(path: path)) { try store.setStarred(true, ids: [id]) }
            #expect(throws: StoreError.readOnly(path: path)) {
                try store.importStories([StoryFixtures.item(StoryFixtures.plainStory(title: "Quay", text: "New quay."))])
            }
            #expect(store.makeWatcher() == nil)
            // The sync's own writes are refused the same way, with the same one-line error
            #expect(throws: StoreError.readOnly(path: path)) {
                try store.setSyncAccount(kind: "ttrss", url: "http://127.0.0.1:1/", user: "reader")
            }
            #expect(throws: StoreError.readOnly(path: path)) { try store.queueMarks([(id, .read, true)]) }
            #expect(throws: StoreError.readOnly(path: path)) { try store.recordSync(error: nil) }
        }
        #expect(try names(in: dir) == before)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test("A writable cache in a read-only directory opens read-only and leaves no file beside it")
    func readOnlyDirectory() throws {
        let (dir, path, id) = try cache()
        defer { cleanUp(dir) }
        let before = try names(in: dir)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
        do {
            let store = try Store(path: path)
            #expect(store.isReadOnly)
            #expect(try store.summaries().map(\.id) == [id])
            #expect(throws: StoreError.readOnly(path: path)) { try store.setRead(true, ids: [id]) }
        }
        #expect(try names(in: dir) == before)
    }

    @Test("A writable cache is not read-only")
    func writable() throws {
        let (dir, path, _) = try cache()
        defer { cleanUp(dir) }
        #expect(try Store(path: path).isReadOnly == false)
    }
}
