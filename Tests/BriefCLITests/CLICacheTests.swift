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

    @Test("An OpenSSL configuration that hides SHA-256 gives one line and no cache; one that loads only the legacy provider still imports")
    func libcryptoConfiguration() async throws {
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let story = dir.appendingPathComponent("story.txt")
        try Data(CLIFixtures.ferryStory.utf8).write(to: story)
        /// Imports the story into cache `name` with OpenSSL configuration `configuration` (written beside it).
        func importStory(into name: String, configuration: String) async throws -> BriefProcess.Result {
            let file = dir.appendingPathComponent(name + ".cnf")
            try Data(configuration.utf8).write(to: file)
            return try await BriefProcess.run(["import", story.path, "--db", dir.appendingPathComponent(name).path],
                                              environment: ["OPENSSL_CONF": file.path])
        }
        // Given a configuration that asks every algorithm of a FIPS provider this machine does not have
        // When a story is imported with it
        let refused = try await importStory(
            into: "hidden.sqlite", configuration: "openssl_conf = main\n[main]\nalg_section = algs\n[algs]\ndefault_properties = fips=yes\n")
        // Then the import fails with one line, and no cache is made
        #expect(refused.status == 1)
        #expect(refused.stderr == "brief: import: libcrypto's SHA-256 is unavailable (its providers could not be loaded; "
            + "check OPENSSL_CONF and OPENSSL_MODULES); the cache was not opened\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("hidden.sqlite").path))

        // Given a configuration that activates the legacy provider alone (so the default one is not loaded)
        // When the story is imported with it
        let imported = try await importStory(
            into: "kept.sqlite", configuration: "openssl_conf = main\n[main]\nproviders = list\n[list]\nlegacy = on\n[on]\nactivate = 1\n")
        // Then it is stored, under the same hash as without it
        #expect(imported.status == 0, "\(imported.stderr)")
        let kept = dir.appendingPathComponent("kept.sqlite").path
        #expect(try await BriefProcess.run(["count", "--db", kept]).stdout == "1\n")
        let again = try await BriefProcess.run(["import", story.path, "--db", kept])
        #expect(again.stderr.contains("0 new, 1 already present"), "\(again.stderr)")
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
