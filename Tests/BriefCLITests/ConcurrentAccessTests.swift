import Foundation
import Testing

/// Two `brief` processes on one cache file at once (the reader marking stories while an import runs): both must
/// work, or one must say plainly that the cache is busy; the cache must never be damaged.
@Suite("Two brief processes on one cache")
struct ConcurrentAccessTests {
    struct ListedStory: Decodable {
        var id: Int64
        var title: String
        var read: Bool
    }

    /// `count` short stories of our own, numbered from `first`, as files in `directory`.
    static func writeStories(_ count: Int, from first: Int = 0, in directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for number in first..<(first + count) {
            let text = """
                Delegates reach round \(number) of the river talks

                GENEVA (Brief Wire) - Delegates from the upstream and downstream states met for round \(number) \
                of the river talks on Tuesday and agreed to share flood data every week.

                "Round \(number) went better than the last one," one delegate said after the meeting.
                """
            try Data(text.utf8).write(to: directory.appendingPathComponent(String(format: "river-%04d.txt", number)))
        }
    }

    static func listed(_ db: String) async throws -> [ListedStory] {
        let result = try await BriefProcess.run(["list", "--json", "--db", db])
        try #require(result.status == 0, "brief list failed: \(result.stderr)")
        return try JSONDecoder().decode([ListedStory].self, from: Data(result.stdout.utf8))
    }

    @Test("While an import runs, another brief marks stories read and counts them; both succeed and nothing is lost")
    func markWhileImporting() async throws {
        // Given a cache holding ten stories and a folder of eighty more
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("brief.sqlite").path
        try Self.writeStories(10, in: dir.appendingPathComponent("first"))
        try Self.writeStories(80, from: 10, in: dir.appendingPathComponent("more"))
        #expect(try await BriefProcess.run(["import", "--db", db, dir.appendingPathComponent("first").path]).status == 0)
        let earlier = try await Self.listed(db).map(\.id).sorted()
        try #require(earlier.count == 10)

        // When `brief import` of the eighty runs in one process
        let importer = Process()
        importer.executableURL = BriefProcess.binaryURL
        importer.arguments = ["import", "--db", db, dir.appendingPathComponent("more").path]
        importer.environment = ["PATH": "/usr/bin:/bin", "HOME": dir.path, "LANG": "C.UTF-8"]
        let importLog = dir.appendingPathComponent("import.log")
        _ = FileManager.default.createFile(atPath: importLog.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: importLog)
        importer.standardOutput = logHandle
        importer.standardError = logHandle
        try importer.run()
        defer { if importer.isRunning { kill(importer.processIdentifier, SIGKILL) } }

        // And meanwhile another process marks each earlier story read, and counts, until the import is done
        var marked: [Int64] = []
        var failures: [String] = []
        var rounds = 0
        // Generous: under a parallel run on a busy 2-core machine each round waits for a process slot
        // (ProcessSlots) behind other tests' commands, and twenty commands took over two minutes.
        let deadline = Date().addingTimeInterval(900)
        while rounds < earlier.count || importer.isRunning, Date() < deadline {
            let id = earlier[rounds % earlier.count]
            let mark = try await BriefProcess.run(["mark", "read", "\(id)", "--db", db])
            let count = try await BriefProcess.run(["count", "--db", db])
            for result in [mark, count] where result.status != 0 {
                // A clear "busy" refusal is allowed; anything else is a failure.
                if !result.stderr.contains("busy") { failures.append(result.stderr) }
            }
            if mark.status == 0 { marked.append(id) }
            if let n = Int(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) {
                #expect((10...90).contains(n), "count \(n) mid-import")
            }
            rounds += 1
        }
        try await BriefProcess.waitForExit(importer)
        try? logHandle.close()

        // Then both processes succeeded
        let log = (try? String(contentsOf: importLog, encoding: .utf8)) ?? ""
        #expect(importer.terminationStatus == 0, "import failed: \(log)")
        #expect(failures.isEmpty, "\(failures)")
        #expect(rounds >= earlier.count, "only \(rounds) rounds before the deadline")
        // And every story is there once, with every mark that was reported made
        let after = try await Self.listed(db)
        #expect(after.count == 90)
        #expect(Set(after.map(\.title)).count == 90)
        let read = Set(after.filter(\.read).map(\.id))
        #expect(Set(marked).isSubset(of: read))
        #expect(read == Set(earlier.filter { marked.contains($0) }))
        // And a second import of the same folder finds everything already present
        let again = try await BriefProcess.run(["import", "--db", db, dir.appendingPathComponent("more").path])
        #expect(again.status == 0)
        #expect(again.stderr.contains("80 already present") || again.stderr.contains("0 new"), "\(again.stderr)")
    }

    @Test("Three brief processes starting on a cache that does not exist yet all work, and create it once")
    func simultaneousFirstStart() async throws {
        for round in 0..<8 {
            // Given no cache file
            let dir = try BriefProcess.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let db = dir.appendingPathComponent("brief.sqlite").path

            // When three commands start on it at the same moment
            let commands = [["count"], ["list", "--json"], ["mark", "read", "--all"]]
            let processes = try commands.map { args in
                let process = Process()
                process.executableURL = BriefProcess.binaryURL
                process.arguments = args + ["--db", db]
                process.environment = ["PATH": "/usr/bin:/bin", "HOME": dir.path, "LANG": "C.UTF-8"]
                let log = dir.appendingPathComponent("\(args[0]).log")
                _ = FileManager.default.createFile(atPath: log.path, contents: nil)
                let handle = try FileHandle(forWritingTo: log)
                process.standardOutput = handle
                process.standardError = handle
                return (process, log, handle)
            }
            for (process, _, _) in processes { try process.run() }

            // Then each one succeeds
            for (process, log, handle) in processes {
                try await BriefProcess.waitForExit(process)
                try? handle.close()
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                #expect(process.terminationStatus == 0, "round \(round), \(process.arguments ?? []): \(text)")
            }
            // And the cache they made is a Brief cache that works
            #expect(try await BriefProcess.run(["count", "--db", db]).stdout == "0\n")
        }
    }

    @Test("Two imports of overlapping folders at once store every story exactly once")
    func twoImportsAtOnce() async throws {
        // Given two folders sharing thirty stories
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("brief.sqlite").path
        try Self.writeStories(40, from: 0, in: dir.appendingPathComponent("a"))
        try Self.writeStories(40, from: 10, in: dir.appendingPathComponent("b"))
        #expect(try await BriefProcess.run(["count", "--db", db]).stdout == "0\n")

        // When both are imported at the same moment by two processes
        let results = try [dir.appendingPathComponent("a"), dir.appendingPathComponent("b")].map { folder in
            let process = Process()
            process.executableURL = BriefProcess.binaryURL
            process.arguments = ["import", "--db", db, folder.path]
            process.environment = ["PATH": "/usr/bin:/bin", "HOME": dir.path, "LANG": "C.UTF-8"]
            let log = folder.appendingPathExtension("log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            let handle = try FileHandle(forWritingTo: log)
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
            return (process, log, handle)
        }
        for (process, log, handle) in results {
            try await BriefProcess.waitForExit(process)
            try? handle.close()
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            // Then each succeeds, or says the cache was busy
            #expect(process.terminationStatus == 0 || text.contains("busy"), "\(text)")
        }

        // And after a final import of both, each of the fifty stories is stored exactly once
        let final = try await BriefProcess.run(["import", "--db", db, dir.appendingPathComponent("a").path,
                                          dir.appendingPathComponent("b").path])
        #expect(final.status == 0, "\(final.stderr)")
        let titles = try await Self.listed(db).map(\.title)
        #expect(titles.count == 50)
        #expect(Set(titles).count == 50)
    }
}
