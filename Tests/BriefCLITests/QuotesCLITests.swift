import Foundation
import Testing

/// `brief quotes`, the quote fields of `brief show --json` and the dateline date in `published`, on stories written
/// for these tests (invented officials, real institutions).
@Suite("brief quotes and who said what in JSON", .serialized)
struct QuotesCLITests {
    static let files: [String: String] = [
        "1-talks.txt": """
            Sudan ceasefire talks open in Nairobi

            NAIROBI, March 3 (Brief Wire) - Kenya's foreign minister Amina Wanjiru Odhiambo opened talks on a \
            ceasefire in Sudan. "The guns must fall silent before the rains," Odhiambo said.

            A senior African Union official said the sides were "closer than at any time this year".
            """,
        "2-talks.txt": """
            Sudan talks enter second week

            NAIROBI, March 10 (Brief Wire) - Talks on a ceasefire in Sudan went on in Nairobi. "We are not there \
            yet," Odhiambo told reporters. \
            The Chinese envoy, Li Wen, said: “停止挑衅” (“stop the provocations”).
            """,
        "3-undated.txt": "Talks adjourn\n\nThe talks adjourned without a date for the next round.\n",
    ]

    /// A cache holding the three stories.
    private func cache() async throws -> (dir: URL, db: String) {
        let dir = try BriefProcess.temporaryDirectory()
        let stories = dir.appendingPathComponent("stories")
        try FileManager.default.createDirectory(at: stories, withIntermediateDirectories: true)
        try CLIFixtures.write(Self.files.mapValues { Data($0.utf8) }, in: stories)
        let db = dir.appendingPathComponent("brief.sqlite").path
        let result = try await BriefProcess.run(["import", stories.path, "--db", db])
        try #require(result.status == 0, "import failed: \(result.stderr)")
        return (dir, db)
    }

    @Test("quotes --speaker by surname lists that person's quotes in both stories, newest first, linked to the entity")
    func quotesBySpeaker() async throws {
        let (dir, db) = try await cache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try await BriefProcess.run(["quotes", "--speaker", "Odhiambo", "--json", "--db", db])
        try #require(result.status == 0, "quotes failed: \(result.stderr)")
        let quotes = try #require(try CLIFixtures.json(result.stdout) as? [[String: Any]])
        #expect(quotes.map { $0["text"] as? String } == ["We are not there yet", "The guns must fall silent before the rains"])
        // The second story names her by surname only: shown so, linked to her all the same
        #expect(quotes.map { $0["speaker"] as? String } == ["Odhiambo", "Amina Wanjiru Odhiambo"])
        #expect(Set(quotes.compactMap { ($0["speakerEntity"] as? [String: Any])?["key"] as? String }).count == 1)
        let entity = try #require(quotes.first?["speakerEntity"] as? [String: Any])
        #expect((entity["key"] as? String)?.hasPrefix("PER:") == true && entity["name"] is String)
        #expect((quotes.first?["date"] as? String)?.contains("-03-10") == true)
        #expect(quotes.allSatisfy { $0["description"] is NSNull && $0["translation"] is NSNull && $0["story"] is Int })
    }

    @Test("quotes lists every quote with descriptions and translations; --since drops older stories")
    func allQuotesAndSince() async throws {
        let (dir, db) = try await cache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let all = try #require(try CLIFixtures.json(
            try await BriefProcess.run(["quotes", "--json", "--db", db]).stdout) as? [[String: Any]])
        #expect(all.count == 4)
        let envoy = try #require(all.first { $0["text"] as? String == "停止挑衅" })
        #expect(envoy["translation"] as? String == "stop the provocations")
        let official = try #require(all.first { ($0["text"] as? String)?.hasPrefix("closer") == true })
        #expect(official["speaker"] is NSNull && official["speakerEntity"] is NSNull)
        #expect((official["description"] as? String)?.contains("official") == true)
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        let recent = try await BriefProcess.run(["quotes", "--since", "\(year)-03-05", "--db", db])
        #expect(recent.status == 0 && recent.stdout.split(separator: "\n").count == 2)
        #expect(recent.stdout.contains("Odhiambo: “We are not there yet”"))
    }

    @Test("A bad --since or an unknown speaker is one line on stderr and a non-zero exit")
    func badInput() async throws {
        let (dir, db) = try await cache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let badDay = try await BriefProcess.run(["quotes", "--since", "March", "--db", db])
        #expect(badDay.status != 0 && badDay.stdout.isEmpty)
        #expect(badDay.stderr == "brief: quotes: --since wants a day as YYYY-MM-DD, not \"March\"\n")
        let unknown = try await BriefProcess.run(["quotes", "--speaker", "Nobody-At-All", "--db", db])
        #expect(unknown.status != 0)
        #expect(unknown.stderr == "brief: quotes: no entity matches \"Nobody-At-All\" (see `brief entities`)\n")
    }

    @Test("show --json gives quotes' entities, descriptions and translations; published falls back to the dateline; undated stays null")
    func showAndListJSON() async throws {
        let (dir, db) = try await cache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let list = try #require(try CLIFixtures.json(
            try await BriefProcess.run(["list", "--json", "--db", db]).stdout) as? [[String: Any]])
        let titles = list.compactMap { $0["title"] as? String }
        // The undated story sorts just before its import day: after any story dated that day, above older days
        #expect(titles == ["Talks adjourn", "Sudan talks enter second week", "Sudan ceasefire talks open in Nairobi"])
        #expect((list[1]["published"] as? String)?.contains("-03-10T00:00:00") == true)
        #expect(list[0]["published"] is NSNull)
        let id = try #require(list[2]["id"] as? Int)
        let shown = try #require(try CLIFixtures.json(
            try await BriefProcess.run(["show", "\(id)", "--json", "--db", db]).stdout) as? [String: Any])
        let dateline = try #require(shown["dateline"] as? [String: Any])
        #expect((dateline["date"] as? String)?.hasSuffix("-03-03") == true && dateline["dateText"] as? String == "March 3")
        let quotes = try #require(shown["quotes"] as? [[String: Any]])
        #expect(quotes.count == 2)
        #expect((quotes[0]["speakerEntity"] as? [String: Any])?["key"] is String)
        #expect(quotes[1]["speakerEntity"] is NSNull && quotes[1]["description"] is String)
        #expect(quotes.allSatisfy { $0["translation"] is NSNull })
        let plain = try await BriefProcess.run(["show", "\(list[0]["id"] as? Int ?? 0)", "--db", db])
        #expect(plain.stdout.contains("undated"))
    }
}
