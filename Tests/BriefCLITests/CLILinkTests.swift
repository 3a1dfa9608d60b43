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
