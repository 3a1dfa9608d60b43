import BriefTestServer
import Foundation
import Testing

@Suite("Retention with feeds: pruned stories stay gone at the next fetch; keep_days prunes after brief fetch")
struct CLIRetentionTests {
    /// The harbour feed with a third item, published after the other two.
    static let harbourWithNews = DailyFixtures.wireFeed.replacingOccurrences(of: "</channel>", with: """
        <item><title>Harbour master names new pilot boat</title><link>https://harbour.example/news/2026/11/pilot-boat</link>
        <guid>harbour-3</guid><pubDate>Fri, 27 Nov 2026 09:00:00 GMT</pubDate>
        <description>The harbour master named the new pilot boat after a retired skipper.</description></item>
        </channel>
        """)

    static func titles(_ db: String) async throws -> Set<String> {
        let list = try CLIFixtures.json(try await BriefProcess.run(["list", "--json", "--db", db]).stdout) as? [[String: Any]] ?? []
        return Set(list.compactMap { $0["title"] as? String })
    }

    /// An empty config directory (`XDG_CONFIG_HOME`), with `config.toml` holding `text` when given.
    static func config(in dir: URL, _ text: String? = nil) throws -> [String: String] {
        let home = dir.appendingPathComponent("config")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("brief"), withIntermediateDirectories: true)
        if let text { try Data(text.utf8).write(to: home.appendingPathComponent("brief/config.toml")) }
        return ["XDG_CONFIG_HOME": home.path]
    }

    @Test("prune, then fetch the same feeds: 0 new, the pruned stories stay gone; a new item still arrives")
    func prunedStoriesStayGone() async throws {
        // Given three feeds fetched (four stories from late November), all read, one starred, one unread again
        let server = try TestHTTPServer()
        defer { server.stop() }
        let (dir, db, _) = try await DailyFixtures.subscribedCache(server)
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = try Self.config(in: dir)
        #expect(try await BriefProcess.run(["mark", "read", "--all", "--db", db]).status == 0)
        let ids = try CLIFixtures.json(try await BriefProcess.run(["list", "--json", "--db", db]).stdout) as? [[String: Any]] ?? []
        let id = { (title: String) in ids.first { $0["title"] as? String == title }?["id"] as? Int ?? 0 }
        #expect(try await BriefProcess.run(["star", "\(id("Customs officers agree new rota"))", "--db", db]).status == 0)
        #expect(try await BriefProcess.run(["mark", "unread", "\(id("Ministry sets tuna quota for next season"))",
                                            "--db", db]).status == 0)
        let pruned = try await BriefProcess.run(["prune", "--older-than", "1d", "--db", db], environment: env)
        #expect(pruned.status == 0 && pruned.stderr == "pruned 2 stories older than 1 days\n")

        // When the feeds, which still carry the pruned items, are fetched again
        let again = try await BriefProcess.run(["fetch", "--db", db], environment: env)
        // Then nothing is new, and the pruned stories stay gone
        #expect(again.status == 0 && again.stderr == "fetched 3 feeds: 0 new stories, 0 unchanged, 0 failed\n")
        #expect(try await Self.titles(db) == ["Customs officers agree new rota", "Ministry sets tuna quota for next season"])

        // When the harbour feed gains an item
        server.route("/harbour.xml", .ok(Self.harbourWithNews))
        let news = try await BriefProcess.run(["fetch", "--db", db], environment: env)
        // Then it arrives, and only it
        #expect(news.status == 0 && news.stderr == "fetched 3 feeds: 1 new story, 0 unchanged, 0 failed\n")
        #expect(try await Self.titles(db) == ["Customs officers agree new rota", "Ministry sets tuna quota for next season",
                                              "Harbour master names new pilot boat"])
    }

    @Test("keep_days in config.toml prunes old read, unstarred stories after brief fetch and the summary says so")
    func keepDaysPrunesAfterFetch() async throws {
        // Given three feeds fetched, the harbour's two stories read and one of them starred
        let server = try TestHTTPServer()
        defer { server.stop() }
        let (dir, db, _) = try await DailyFixtures.subscribedCache(server)
        defer { try? FileManager.default.removeItem(at: dir) }
        let ids = try CLIFixtures.json(try await BriefProcess.run(["list", "--json", "--db", db]).stdout) as? [[String: Any]] ?? []
        let id = { (title: String) in "\(ids.first { $0["title"] as? String == title }?["id"] as? Int ?? 0)" }
        let berth = id("Port authority opens new ferry berth"), rota = id("Customs officers agree new rota")
        #expect(try await BriefProcess.run(["mark", "read", berth, rota, "--db", db]).status == 0)
        #expect(try await BriefProcess.run(["star", rota, "--db", db]).status == 0)

        // Without keep_days, a fetch prunes nothing
        let plain = try await BriefProcess.run(["fetch", "--db", db], environment: try Self.config(in: dir))
        #expect(plain.status == 0 && plain.stderr == "fetched 3 feeds: 0 new stories, 0 unchanged, 0 failed\n")
        #expect(try await BriefProcess.run(["count", "--db", db]).stdout == "4\n")

        // A bad keep_days is one line, and the fetch goes on without pruning
        let bad = try await BriefProcess.run(["fetch", "--db", db], environment: try Self.config(in: dir, "keep_days = \"a month\"\n"))
        #expect(bad.status == 0)
        #expect(bad.stderr.hasPrefix("brief: fetch: config ") && bad.stderr.contains(
            "line 1: keep_days must be a whole number of days (0: off); nothing pruned\n"), "\(bad.stderr)")
        #expect(try await BriefProcess.run(["count", "--db", db]).stdout == "4\n")

        // When fetched with keep_days = 1
        let kept = try await BriefProcess.run(["fetch", "--db", db], environment: try Self.config(in: dir, "keep_days = 1\n"))
        // Then the one read, unstarred story is pruned, and the summary says so
        #expect(kept.status == 0)
        #expect(kept.stderr == "fetched 3 feeds: 0 new stories, 0 unchanged, 0 failed, 1 old story pruned (keep_days = 1)\n")
        #expect(try await Self.titles(db) == ["Customs officers agree new rota", "Ministry sets tuna quota for next season",
                                              "Island council reopens the old lighthouse"])
        // and a fetch on a read-only cache is refused in one line, before anything is fetched or pruned
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: db) }
        let readOnly = try await BriefProcess.run(["fetch", "--db", db], environment: try Self.config(in: dir, "keep_days = 1\n"))
        #expect(readOnly.status == 1 && readOnly.stderr == "brief: fetch: the cache \(db) is read-only; nothing was changed\n",
                "\(readOnly.stderr)")
    }

    @Test("brief prune with a bad keep_days and no --older-than names the line and deletes nothing")
    func pruneWithBadKeepDays() async throws {
        let (dir, db, _) = try await DailyFixtures.cache()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try await BriefProcess.run(["mark", "read", "--all", "--db", db]).status == 0)
        let result = try await BriefProcess.run(["prune", "--db", db], environment: try Self.config(in: dir, "keep_days = -2\n"))
        #expect(result.status == 1 && result.stderr.hasPrefix("brief: prune: config ")
                && result.stderr.hasSuffix("line 1: keep_days must be a whole number of days (0: off)\n"), "\(result.stderr)")
        #expect(try await BriefProcess.run(["count", "--db", db]).stdout == "3\n")
    }
}
