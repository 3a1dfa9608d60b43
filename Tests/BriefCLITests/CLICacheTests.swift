import Foundation
import Testing

@Suite("brief and a cache file that is not its own")
struct CLICacheTests {
    @Test("A corrupt cache file gives one clear error naming it, and its bytes are unchanged")
    func corruptCache() async throws {
        // Given a file of notes where the cache should be
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("brief.sqlite")
        let bytes = Data(String(repeating: "not a database, just my notes\n", count: 20).utf8)
        try bytes.write(to: db)

        // When any command uses it
        for args in [["list"], ["count"], ["import", "--samples"], ["mark", "read", "--all"]] {
            let result = try await BriefProcess.run(args + ["--db", db.path])
            // Then it fails with one line naming the file, and the file is untouched
            #expect(result.status == 1, "\(args)")
            #expect(result.stderr.hasSuffix("\(db.path) is not a Brief cache (file is not a database); it was left unchanged\n"))
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        }
        #expect(try Data(contentsOf: db) == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["brief.sqlite"])
    }

    @Test("brief with no arguments and no terminal says so on one line and exits non-zero")
    func readerNeedsTerminal() async throws {
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("brief.sqlite").path
        let result = try await BriefProcess.run(["--db", db])
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("brief: ") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(!result.stderr.hasPrefix("brief: brief:"))
        // It said so before doing any work: no cache was created
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test("A brief binary without its resource bundle says so on one line instead of crashing")
    func missingResourceBundle() async throws {
        // Given a copy of the binary in a directory without the resource bundle
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lonely = dir.appendingPathComponent("brief")
        try FileManager.default.copyItem(at: BriefProcess.binaryURL, to: lonely)
        let story = dir.appendingPathComponent("story.txt")
        try Data(CLIFixtures.ferryStory.utf8).write(to: story)

        // When it imports, Then it fails with one line naming the missing bundle, and stores nothing
        for args in [["import", "--samples"], ["import", story.path]] {
            let result = try await BriefProcess.run(args + ["--db", dir.appendingPathComponent("c.sqlite").path], binary: lonely)
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("brief: import: the resource bundle Brief_BriefResources.resources is missing"))
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        }
        #expect(try await BriefProcess.run(["count", "--db", dir.appendingPathComponent("c.sqlite").path]).stdout == "0\n")
    }
}
