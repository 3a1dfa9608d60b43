import Foundation
import Testing

@Suite("brief import")
struct CLIImportTests {
    @Test("A directory of good and bad files imports every good one, names every bad one, exits 1 and keeps what was there")
    func mixedDirectory() async throws {
        // Given a cache that already holds one story, and a directory of good and bad files
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("cache/brief.sqlite").path
        let earlier = dir.appendingPathComponent("earlier.txt")
        try Data(CLIFixtures.ferryStory.utf8).write(to: earlier)
        #expect(try await BriefProcess.run(["import", "--db", db, earlier.path]).status == 0)
        let before = try await BriefProcess.run(["show", "1", "--json", "--db", db]).stdout

        let inbox = dir.appendingPathComponent("inbox")
        var latin1 = Data("Caf".utf8)
        latin1.append(0xE9)
        try CLIFixtures.write([
            "grain.md": Data(CLIFixtures.grainStory.utf8),
            "nested/deeper/memo": Data("Envoy memo\n\nThe envoy returned on Friday.\n".utf8),
            "latin1.txt": latin1 + Data(" story\n".utf8),
            "empty.txt": Data(),
            "nested/picture.txt": Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0x02]),
            ".hidden.txt": Data("Hidden\n\nNot to be imported.\n".utf8),
        ], in: inbox)

        // When the directory is imported
        let result = try await BriefProcess.run(["import", "--db", db, inbox.path])

        // Then it exits 1, names each bad file with its reason on one line each, and imports the good ones
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let errors = result.stderr.split(separator: "\n").map(String.init)
        #expect(errors.contains("brief: import: \(inbox.path)/latin1.txt: invalid UTF-8 at byte 3"))
        #expect(errors.contains("brief: import: \(inbox.path)/empty.txt: input is empty"))
        #expect(errors.contains { $0.hasPrefix("brief: import: \(inbox.path)/nested/picture.txt: binary data") })
        #expect(errors.contains("imported 2 new, 0 already present, 3 failed"))
        #expect(!result.stderr.contains("hidden"))
        #expect(try await BriefProcess.run(["count", "--db", db]).stdout == "3\n")
        // And the story already in the cache is unchanged
        #expect(try await BriefProcess.run(["show", "1", "--json", "--db", db]).stdout == before)
    }

    @Test("Importing the same files again adds nothing and keeps read marks")
    func reimportIsIdempotent() async throws {
        // Given an imported file whose story was then read
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("brief.sqlite").path
        try CLIFixtures.write(["a.txt": Data(CLIFixtures.ferryStory.utf8), "b.md": Data(CLIFixtures.grainStory.utf8)],
                              in: dir.appendingPathComponent("in"))
        #expect(try await BriefProcess.run(["import", "--db", db, dir.appendingPathComponent("in").path]).status == 0)
        #expect(try await BriefProcess.run(["mark", "read", "1", "--db", db]).status == 0)

        // When the same directory is imported again
        let again = try await BriefProcess.run(["import", "--db", db, dir.appendingPathComponent("in").path])

        // Then nothing new is stored and the read mark stays
        #expect(again.status == 0)
        #expect(again.stderr.contains("imported 0 new, 2 already present, 0 failed"))
        #expect(try await BriefProcess.run(["count", "--db", db]).stdout == "2\n")
        #expect(try await BriefProcess.run(["count", "--unread", "--db", db]).stdout == "1\n")
    }

    @Test("An imported file's source is its file name, never its path: in list and show, plain and JSON")
    func sourceIsFileName() async throws {
        // Given a text file and a feed file imported by their absolute directory
        let (dir, db, ids) = try await DailyFixtures.cache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ferry = try #require(ids["Ferry talks resume between island states"])
        let list = try #require(try CLIFixtures.json(try await BriefProcess.run(["list", "--json", "--db", db]).stdout)
            as? [[String: Any]])
        // Then the text file's story names the file, the feed file's stories the feed
        #expect(list.first { $0["id"] as? Int == ferry }?["source"] as? String == "ferry.txt")
        #expect(list.filter { $0["id"] as? Int != ferry }.allSatisfy { $0["source"] as? String == "Harbour Wire" })
        let show = try #require(try CLIFixtures.json(try await BriefProcess.run(["show", "\(ferry)", "--json", "--db", db]).stdout)
            as? [String: Any])
        #expect(show["source"] as? String == "ferry.txt")
        // And the directory appears nowhere in what is shown
        for args in [["list"], ["show", "\(ferry)"], ["list", "--json"]] {
            let output = try await BriefProcess.run(args + ["--db", db]).stdout
            #expect(!output.contains(dir.path) && !output.isEmpty, "\(args)")
        }
    }

    @Test("A path that does not exist is named and fails the import")
    func missingPath() async throws {
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try await BriefProcess.run(["import", "--db", dir.appendingPathComponent("b.sqlite").path,
                                           dir.appendingPathComponent("nowhere.txt").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("brief: import: \(dir.path)/nowhere.txt: no such file or directory\n"))
    }

    @Test("The bundled samples import into an empty cache")
    func samplesImport() async throws {
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("brief.sqlite").path
        let result = try await BriefProcess.run(["import", "--samples", "--db", db])
        #expect(result.status == 0)
        let count = Int(try await BriefProcess.run(["count", "--db", db]).stdout.trimmingCharacters(in: .newlines)) ?? 0
        #expect(count > 0)
        let list = try #require(try await CLIFixtures.json(BriefProcess.run(["list", "--json", "--db", db]).stdout) as? [[String: Any]])
        // Each names its source: front matter `source:`, else `samples/NAME`, never the build folder
        #expect(list.count == count)
        #expect(list.allSatisfy { ($0["source"] as? String).map { !$0.isEmpty && !$0.contains(".resources") } == true })
    }

    @Test("Import without paths or --samples is a usage error on one line")
    func nothingToImport() async throws {
        let result = try await BriefProcess.run(["import", "--db", "/nonexistent/dir/brief.sqlite"])
        #expect(result.status != 0)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.hasPrefix("brief: nothing to import"))
    }
}
