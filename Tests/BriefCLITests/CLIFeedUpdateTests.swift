import Foundation
import Testing

/// Issue 13: a feed item edited at the source (same guid, changed text) updates its stored story.
@Suite("brief import: an edited feed item updates its story")
struct CLIFeedUpdateTests {
    @Test("Importing a feed again with one item edited says 1 updated; the story shows the new text and stays read")
    func editedItemUpdates() async throws {
        // Given the wire feed imported from a file, its berth story read
        let (dir, db, ids) = try await DailyFixtures.cache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let berth = try #require(ids["Port authority opens new ferry berth"])
        #expect(try await BriefProcess.run(["mark", "read", "\(berth)", "--db", db]).status == 0)
        // When the same file is imported again with that item's text edited
        let wire = dir.appendingPathComponent("in/wire.xml")
        let edited = DailyFixtures.wireFeed.replacingOccurrences(
            of: "opened a new ferry berth on Monday, its director said.",
            with: "opened a second ferry berth on Monday after a delay, its director Carmela Vella said.")
        #expect(edited != DailyFixtures.wireFeed)
        try Data(edited.utf8).write(to: wire)
        let result = try await BriefProcess.run(["import", "--db", db, wire.path])
        // Then one story is updated in place, the other already present
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "imported 0 new, 1 updated, 1 already present, 0 failed\n")
        let show = try await BriefProcess.run(["show", "\(berth)", "--db", db])
        #expect(show.stdout.contains("a second ferry berth") && !show.stdout.contains("a new ferry berth"))
        let list = try #require(try CLIFixtures.json(try await BriefProcess.run(["list", "--json", "--db", db]).stdout)
            as? [[String: Any]])
        #expect(list.count == 3)
        #expect(list.first { $0["id"] as? Int == berth }?["read"] as? Bool == true)
        // And a third import of the edited file changes nothing
        let again = try await BriefProcess.run(["import", "--db", db, wire.path])
        #expect(again.stderr == "imported 0 new, 2 already present, 0 failed\n")
    }
}
