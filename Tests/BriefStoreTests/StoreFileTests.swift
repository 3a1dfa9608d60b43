import BriefModel
import BriefStore
import Foundation
import GRDB
import Testing

@Suite("The cache as a real SQLite file")
struct StoreFileTests {
    private func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("brief-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("A cache file is created with its directory, and stories and read marks persist across reopening")
    func marksPersist() throws {
        // Given a cache path in a directory that does not exist yet
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("nested/brief/brief.sqlite").path
        var id: Int64 = 0
        do {
            let store = try Store(path: path)
            id = try store.importStories([StoryFixtures.item(StoryFixtures.summitStory())])[0].id
            try store.setRead(true, ids: [id])
        }
        // When the file is opened again
        let reopened = try Store(path: path)
        // Then the story is there, read, and whole
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try reopened.count() == 1 && reopened.count(unreadOnly: true) == 0)
        #expect(try reopened.story(id: id)?.story == StoryFixtures.summitStory())
    }

    @Test("Re-importing into a reopened file keeps the read state")
    func reimportKeepsReadStateOnDisk() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("brief.sqlite").path
        let item = StoryFixtures.item(StoryFixtures.summitStory())
        let id = try Store(path: path).importStories([item])[0].id
        try Store(path: path).setRead(true, ids: [id])

        let outcomes = try Store(path: path).importStories([item])

        #expect(outcomes == [.existing(id)])
        #expect(try Store(path: path).count(unreadOnly: true) == 0)
    }

    @Test("A file that is not a database is refused with a clear error and left byte for byte unchanged")
    func corruptFileRefused() throws {
        // Given a text file where the cache should be
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("brief.sqlite").path
        let bytes = Data("these are my notes, not a database\n".utf8) + Data(repeating: 0x41, count: 300)
        try bytes.write(to: URL(fileURLWithPath: path))

        // When the store opens it, Then it refuses, naming the file, and the bytes are unchanged
        #expect(throws: StoreError.notADatabase(path: path)) { try Store(path: path) }
        #expect("\(StoreError.notADatabase(path: path))".contains("\(path) is not a Brief cache (file is not a database)"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["brief.sqlite"])
    }

    @Test("A damaged cache with a valid SQLite header is refused and left unchanged")
    func damagedDatabaseRefused() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("brief.sqlite").path
        var bytes = Data("SQLite format 3\0".utf8)
        bytes.append(Data(repeating: 0xFF, count: 4096))
        try bytes.write(to: URL(fileURLWithPath: path))

        #expect(throws: StoreError.notADatabase(path: path)) { try Store(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test("Another application's SQLite database is refused and left unchanged")
    func foreignDatabaseRefused() throws {
        // Given an SQLite file with someone else's table
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("brief.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')") }
            try queue.close()
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))

        // When the store opens it, Then it refuses and the file is unchanged
        #expect(throws: StoreError.foreignDatabase(path: path)) { try Store(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test("A cache written by a newer Brief is refused unchanged")
    func newerSchemaRefused() throws {
        // Given a cache that has a migration this build does not know
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("brief.sqlite").path
        _ = try Store(path: path)
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99 from the future')") }
            try queue.close()
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))

        // When it is opened, Then it is refused with the unknown migration named, and unchanged
        #expect(throws: StoreError.newerSchema(path: path, unknown: ["v99 from the future"])) { try Store(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test("An empty file at the cache path becomes a new cache")
    func emptyFileBecomesCache() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("brief.sqlite").path
        FileManager.default.createFile(atPath: path, contents: Data())
        #expect(try Store(path: path).count() == 0)
    }

    @Test("The cache path follows --db, then BRIEF_DB, then XDG_DATA_HOME, then ~/.local/share")
    func cachePathResolution() {
        #expect(CachePath.resolve(explicit: "/x/a.sqlite", environment: ["BRIEF_DB": "/y/b.sqlite"]) == "/x/a.sqlite")
        #expect(CachePath.resolve(explicit: nil, environment: ["BRIEF_DB": "/y/b.sqlite"]) == "/y/b.sqlite")
        #expect(CachePath.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/data", "HOME": "/h"])
                == "/data/brief/brief.sqlite")
        #expect(CachePath.resolve(explicit: nil, environment: ["HOME": "/h"]) == "/h/.local/share/brief/brief.sqlite")
        #expect(CachePath.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "rel", "HOME": "/h"])
                == "/h/.local/share/brief/brief.sqlite")
    }
}
