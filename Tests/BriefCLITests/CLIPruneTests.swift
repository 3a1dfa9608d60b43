import Foundation
import Testing

@Suite("brief prune: old read stories go; unread and starred stay; bad ages are one line")
struct CLIPruneTests {
    @Test("prune --dry-run counts, prune deletes and --vacuum says the bytes freed; starred and unread stay")
    func prune() async throws {
        let (dir, db, ids) = try await DailyFixtures.cache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let berth = try #require(ids["Port authority opens new ferry berth"])
        let rota = try #require(ids["Customs officers agree new rota"])
        let ferry = try #require(ids["Ferry talks resume between island states"])
        // The two feed stories are dated late November 2026; the ferry story is undated (imported now)
        #expect(try await BriefProcess.run(["mark", "read", "--all", "--db", db]).status == 0)
        #expect(try await BriefProcess.run(["mark", "unread", "\(ferry)", "--db", db]).status == 0)
        #expect(try await BriefProcess.run(["star", "\(rota)", "--db", db]).status == 0)
        let dry = try await BriefProcess.run(["prune", "--older-than", "1d", "--dry-run", "--db", db])
        #expect(dry.status == 0 && dry.stderr == "would prune 1 story older than 1 days\n")
        #expect(try await BriefProcess.run(["count", "--db", db]).stdout == "3\n")
        let pruned = try await BriefProcess.run(["prune", "--older-than", "1d", "--vacuum", "--db", db])
        #expect(pruned.status == 0 && pruned.stderr.hasPrefix("pruned 1 story older than 1 days; ")
                && pruned.stderr.hasSuffix(" bytes freed\n"))
        let left = try #require(try CLIFixtures.json(try await BriefProcess.run(["list", "--json", "--db", db]).stdout)
            as? [[String: Any]])
        #expect(Set(left.compactMap { $0["id"] as? Int }) == [rota, ferry])
        #expect(try await BriefProcess.run(["show", "\(berth)", "--db", db]).status == 1)
    }

    @Test("An age that is not one, or no age and no keep_days, is one line, exit non-zero, nothing deleted")
    func badAges() async throws {
        let (dir, db, _) = try await DailyFixtures.cache()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try await BriefProcess.run(["mark", "read", "--all", "--db", db]).status == 0)
        for age in ["ninety", "90", "-3d", "5y", ""] {
            let result = try await BriefProcess.run(["prune", "--older-than=\(age)", "--db", db])
            #expect(result.status != 0, "\(age)")
            #expect(result.stderr.hasPrefix("brief: ") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        }
        let words = try await BriefProcess.run(["prune", "--older-than", "ninety", "--db", db])
        #expect(words.stderr == "brief: prune: --older-than: not an age: ninety (say 90d or 12w)\n")
        let none = try await BriefProcess.run(["prune", "--db", db], environment: ["XDG_CONFIG_HOME": dir.path])
        #expect(none.status == 1 && none.stderr == "brief: prune: give --older-than (such as 90d), or set keep_days in config.toml\n")
        // keep_days from config.toml is the default age
        let config = dir.appendingPathComponent("brief/config.toml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("keep_days = 1\n".utf8).write(to: config)
        let kept = try await BriefProcess.run(["prune", "--dry-run", "--db", db], environment: ["XDG_CONFIG_HOME": dir.path])
        #expect(kept.status == 0 && kept.stderr == "would prune 2 stories older than 1 days\n")
        #expect(try await BriefProcess.run(["count", "--db", db]).stdout == "3\n")
    }
}
