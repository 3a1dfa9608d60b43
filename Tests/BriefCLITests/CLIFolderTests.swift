import BriefTestServer
import Foundation
import Testing

@Suite("Feeds and folders on the command line: list --feed/--folder, feed list, rename, move, add --folder")
struct CLIFolderTests {
    private func titles(_ args: [String], db: String) async throws -> [String] {
        let result = try await BriefProcess.run(["list", "--json", "--db", db] + args)
        let list = try #require(try CLIFixtures.json(result.stdout) as? [[String: Any]], "\(result.stderr)")
        return list.compactMap { $0["title"] as? String }
    }

    @Test("list --feed and --folder show only those stories; an unknown feed or folder is one line, exit 1")
    func listByFeedAndFolder() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let (dir, db, feeds) = try await DailyFixtures.subscribedCache(server)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try await titles(["--feed", feeds["ministry"]!], db: db) == ["Ministry sets tuna quota for next season"])
        #expect(try await titles(["--folder", "Mediterranean"], db: db) == [
            "Ministry sets tuna quota for next season", "Customs officers agree new rota",
            "Port authority opens new ferry berth"])
        let unknown = try await BriefProcess.run(["list", "--folder", "Baltic", "--db", db])
        #expect(unknown.status == 1 && unknown.stderr == "brief: list: no folder Baltic (see 'brief feed list')\n")
        let noFeed = try await BriefProcess.run(["list", "--feed", "https://none.example/", "--db", db])
        #expect(noFeed.status == 1 && noFeed.stderr == "brief: list: no feed https://none.example/ (see 'brief feed list')\n")
        let both = try await BriefProcess.run(["list", "--feed", feeds["ministry"]!, "--folder", "Mediterranean", "--db", db])
        #expect(both.status != 0 && both.stderr.hasPrefix("brief: ") && both.stderr.split(separator: "\n").count == 1)
    }

    @Test("feed list groups feeds by folder; rename and move change it; unknown feeds are one line")
    func feedListRenameMove() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let (dir, db, feeds) = try await DailyFixtures.subscribedCache(server)
        defer { try? FileManager.default.removeItem(at: dir) }
        func listed() async throws -> [String] {
            try await BriefProcess.run(["feed", "list", "--db", db]).stdout.split(separator: "\n").map {
                $0.split(separator: "\t").prefix(3).joined(separator: "\t")
            }
        }
        let (harbour, ministry, gazette) = (feeds["harbour"]!, feeds["ministry"]!, feeds["gazette"]!)
        #expect(try await listed() == [
            "\(gazette)\t1 items\tIsland Gazette", "Mediterranean/",
            "  \(harbour)\t2 items\tHarbour Wire", "  \(ministry)\t1 items\tMinistry of the Sea",
        ])
        #expect(try await BriefProcess.run(["feed", "rename", ministry, "Sea Ministry", "--db", db]).status == 0)
        #expect(try await BriefProcess.run(["feed", "move", gazette, "--folder", "Islands", "--db", db]).status == 0)
        #expect(try await BriefProcess.run(["feed", "move", harbour, "--no-folder", "--db", db]).status == 0)
        #expect(try await listed() == [
            "\(harbour)\t2 items\tHarbour Wire", "Islands/", "  \(gazette)\t1 items\tIsland Gazette",
            "Mediterranean/", "  \(ministry)\t1 items\tSea Ministry",
        ])
        // A later fetch keeps the given title
        #expect(try await BriefProcess.run(["fetch", "--db", db]).status == 0)
        #expect(try await listed().contains("  \(ministry)\t1 items\tSea Ministry"))
        let unknown = try await BriefProcess.run(["feed", "rename", "https://none.example/", "X", "--db", db])
        #expect(unknown.status == 1 && unknown.stderr == "brief: feed rename: no feed https://none.example/ (see 'brief feed list')\n")
        let neither = try await BriefProcess.run(["feed", "move", ministry, "--db", db])
        #expect(neither.status != 0 && neither.stderr.split(separator: "\n").count == 1)
    }

    @Test("feed add --folder files the new feed there")
    func addToFolder() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/gazette.xml", .ok(DailyFixtures.looseFeed))
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("brief.sqlite").path
        let url = server.url("/gazette.xml").absoluteString
        #expect(try await BriefProcess.run(["feed", "add", url, "--folder", "Islands", "--db", db]).status == 0)
        let json = try #require(try CLIFixtures.json(try await BriefProcess.run(["feed", "list", "--json", "--db", db]).stdout)
            as? [[String: Any]])
        #expect(json.first?["tags"] as? [String] == ["Islands"])
    }
}
