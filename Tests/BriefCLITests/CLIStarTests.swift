import Foundation
import Testing

@Suite("brief star, unstar and list --starred")
struct CLIStarTests {
    /// A cache holding the ferry story (id 1) and the grain story (id 2).
    private func cache() async throws -> (dir: URL, db: String) {
        let dir = try BriefProcess.temporaryDirectory()
        let db = dir.appendingPathComponent("brief.sqlite").path
        try CLIFixtures.write(["1-ferry.txt": Data(CLIFixtures.ferryStory.utf8),
                               "2-grain.md": Data(CLIFixtures.grainStory.utf8)], in: dir.appendingPathComponent("in"))
        let result = try await BriefProcess.run(["import", "--db", db, dir.appendingPathComponent("in").path])
        #expect(result.status == 0, "import failed: \(result.stderr)")
        return (dir, db)
    }

    @Test("star marks stories, list --starred lists only them (plain with ★, JSON with starred), unstar takes it off")
    func starListUnstar() async throws {
        let (dir, db) = try await cache()
        defer { try? FileManager.default.removeItem(at: dir) }

        let star = try await BriefProcess.run(["star", "1", "--db", db])
        #expect(star.status == 0 && star.stdout.isEmpty && star.stderr.isEmpty)

        let plain = try await BriefProcess.run(["list", "--starred", "--db", db])
        #expect(plain.status == 0)
        let lines = plain.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("* 1\t") == true && lines.first?.hasSuffix("island states ★") == true)
        let json = try #require(try CLIFixtures.json(
            try await BriefProcess.run(["list", "--json", "--db", db]).stdout) as? [[String: Any]])
        #expect(json.map { $0["starred"] as? Bool } == [false, true])

        #expect(try await BriefProcess.run(["unstar", "1", "--db", db]).status == 0)
        #expect(try await BriefProcess.run(["list", "--starred", "--db", db]).stdout.isEmpty)
    }

    @Test("Starring an unknown id is one error line, a non-zero exit, and stars nothing")
    func starUnknown() async throws {
        let (dir, db) = try await cache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try await BriefProcess.run(["star", "2", "99", "--db", db])
        #expect(result.status == 1)
        #expect(result.stderr == "brief: star: no story with id 99\n")
        #expect(try await BriefProcess.run(["list", "--starred", "--db", db]).stdout.isEmpty)
    }
}
