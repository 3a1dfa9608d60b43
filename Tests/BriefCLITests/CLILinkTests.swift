import Foundation
import Testing

@Suite("brief show and open: the story's link")
struct CLILinkTests {
    @Test("show --json carries the link and feed; plain show ends with the link; a file's story has link null")
    func showLink() async throws {
        let (dir, db, ids) = try await DailyFixtures.cache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let berth = try #require(ids["Port authority opens new ferry berth"])
        let json = try #require(try CLIFixtures.json(
            try await BriefProcess.run(["show", "\(berth)", "--json", "--db", db]).stdout) as? [String: Any])
        #expect(json["link"] as? String == "https://harbour.example/news/2026/11/ferry-berth")
        #expect((json["feed"] as? String)?.hasPrefix("file://") == true)
        let plain = try await BriefProcess.run(["show", "\(berth)", "--db", db]).stdout
        #expect(plain.hasSuffix("\nLink: https://harbour.example/news/2026/11/ferry-berth\n"))
        let ferry = try #require(ids["Ferry talks resume between island states"])
        let file = try #require(try CLIFixtures.json(
            try await BriefProcess.run(["show", "\(ferry)", "--json", "--db", db]).stdout) as? [String: Any])
        #expect(file["link"] is NSNull)
    }

    @Test("open runs $BROWSER on the link; no link, an unknown id or a missing browser is one line, exit 1")
    func open() async throws {
        let (dir, db, ids) = try await DailyFixtures.cache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (script, log) = try DailyFixtures.browser(in: dir)
        let rota = try #require(ids["Customs officers agree new rota"])
        let opened = try await BriefProcess.run(["open", "\(rota)", "--db", db], environment: ["BROWSER": script])
        #expect(opened.status == 0 && opened.stderr.isEmpty)
        #expect(try String(contentsOf: log, encoding: .utf8) == "https://harbour.example/news/2026/11/customs-rota\n")

        let ferry = try #require(ids["Ferry talks resume between island states"])
        let noLink = try await BriefProcess.run(["open", "\(ferry)", "--db", db], environment: ["BROWSER": script])
        #expect(noLink.status == 1 && noLink.stderr == "brief: open: story \(ferry) has no link\n")
        let unknown = try await BriefProcess.run(["open", "99", "--db", db], environment: ["BROWSER": script])
        #expect(unknown.status == 1 && unknown.stderr == "brief: open: no story with id 99\n")
        let missing = try await BriefProcess.run(["open", "\(rota)", "--db", db],
                                                 environment: ["BROWSER": "/nonexistent/w3m"])
        #expect(missing.status == 1 && missing.stderr == "brief: open: browser not found: /nonexistent/w3m (set BROWSER)\n")
    }
}

@Suite("Read-only commands on a missing directory, and OPML re-import keeping titles")
struct CLIDailyFixesTests {
    @Test("list, count, show and open with --db in a missing directory say so, exit 1, and create nothing")
    func missingDirectory() async throws {
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("nowhere")
        let db = missing.appendingPathComponent("brief.sqlite").path
        for args in [["list"], ["count"], ["show", "1"], ["open", "1"]] {
            let result = try await BriefProcess.run(args + ["--db", db])
            #expect(result.status == 1, "\(args)")
            #expect(result.stderr == "brief: \(args[0]): the cache \(db) does not exist (no directory \(missing.path))\n")
        }
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    @Test("Importing an OPML file again keeps a feed's title as renamed")
    func opmlKeepsTitle() async throws {
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("brief.sqlite").path
        let opml = dir.appendingPathComponent("subs.opml")
        try Data("""
            <opml version="2.0"><head><title>t</title></head><body>
            <outline type="rss" text="Harbour Wire" xmlUrl="https://harbour.example/rss"/></body></opml>
            """.utf8).write(to: opml)
        #expect(try await BriefProcess.run(["opml", "import", opml.path, "--db", db]).status == 0)
        #expect(try await BriefProcess.run(["feed", "rename", "https://harbour.example/rss", "Port news", "--db", db]).status == 0)
        #expect(try await BriefProcess.run(["opml", "import", opml.path, "--db", db]).status == 0)
        let feeds = try #require(try CLIFixtures.json(try await BriefProcess.run(["feed", "list", "--json", "--db", db]).stdout)
            as? [[String: Any]])
        #expect(feeds.first?["title"] as? String == "Port news")
    }
}
