import Foundation
import Testing

/// The reader in a terminal (tmux): a person's entity page shows what they said, in two stories.
@Suite("End to end: what a person said", .serialized, .timeLimit(.minutes(30)))
struct SaidJourneyTests {
    @Test("Opening a minister's page from the entity index shows her quotes from two stories under Said")
    func personPageShowsWhatTheySaid() async throws {
        // Given two stories quoting an invented minister (one by her full name, one by surname) and one that does not
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let stories = dir.appendingPathComponent("stories")
        try FileManager.default.createDirectory(at: stories, withIntermediateDirectories: true)
        try CLIFixtures.write(QuotesCLITests.files.mapValues { Data($0.utf8) }, in: stories)
        let db = dir.appendingPathComponent("c.sqlite")
        let imported = try await BriefProcess.run(["import", stories.path, "--db", db.path])
        try #require(imported.status == 0, "import failed: \(imported.stderr)")

        let tmux = try await EndToEndTmux.start(EndToEndTmux.briefCommand(db: db, home: dir))
        defer { tmux.kill() }
        try await tmux.waitUntil("the story list", timeout: 300) { EndToEndTests.counts($0) != nil }

        // When the entity index is filtered to her name and her page opened
        try await tmux.send("e")
        try await tmux.waitFor("Brief › Entities · All types")
        try await tmux.send("/")
        for character in "Odhiambo" { try await tmux.send(String(character)) }
        try await tmux.send("Enter")
        try await tmux.waitUntil("the index filtered to her") { screen in
            screen.contains { $0.contains("Amina Wanjiru Odhiambo") }
        }
        try await tmux.send("Enter")
        let screen = try await tmux.waitFor("Said")

        // Then her page lists what she said in both stories, newest first, each under its story
        #expect(screen.prefix(3).contains { $0.contains("Amina Wanjiru Odhiambo") }, "\(screen.joined(separator: "\n"))")
        let newer = try #require(screen.firstIndex { $0.contains("“We are not there yet”") })
        let older = try #require(screen.firstIndex { $0.contains("“The guns must fall silent before the rains”") })
        #expect(newer < older)
        #expect(screen[newer - 1].contains("Sudan talks enter second week"))
        #expect(screen[older - 1].contains("Sudan ceasefire talks open in Nairobi"))
        try await tmux.send("Q")
        try await tmux.waitFor("brief exited 0")
    }
}
