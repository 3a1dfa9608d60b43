import Foundation
import Testing

/// Daily use in a real terminal (tmux): the source, stars, feeds and folders, staying fresh, pruning.
@Suite("End to end: daily use", .serialized, .timeLimit(.minutes(5)))
struct DailyJourneyTests {
    @Test("o hands the terminal to a text-mode BROWSER with the story's link, and the list comes back after it")
    func openInBrowser() async throws {
        // Given a cache with a feed's two stories and a reader whose BROWSER is a script that holds the terminal
        let (dir, db, _) = try await DailyFixtures.cache()
        defer { try? FileManager.default.removeItem(at: URL(fileURLWithPath: dir.path)) }
        let (script, log) = try DailyFixtures.browser(in: dir, waits: true)
        let tmux = try await EndToEndTmux.start(EndToEndTmux.briefCommand(
            db: URL(fileURLWithPath: db), home: dir, environment: "BROWSER='\(script)'"))
        defer { tmux.kill() }
        try await tmux.waitFor("unread of 3")

        // When the rota story is selected and o pressed
        let list = try await tmux.waitFor("Customs officers agree new rota")
        let row = try #require(list.firstIndex { $0.contains("Customs officers agree new rota") })
        let selectedRow = 1
        for _ in selectedRow..<row { try await tmux.send("j") }
        try await tmux.send("o")

        // Then the browser has the terminal, with the link
        try await tmux.waitFor("TEXT BROWSER SHOWING https://harbour.example/news/2026/11/customs-rota")
        // And when it quits, the reader's list is back, saying what it opened
        try await tmux.send("Enter")
        let back = try await tmux.waitFor("Opened harbour.example/news/2026/11/customs-rota")
        #expect(back.contains { $0.contains("unread of 3") })
        #expect(!back.contains { $0.contains("TEXT BROWSER SHOWING") })
        #expect(try String(contentsOf: log, encoding: .utf8) == "https://harbour.example/news/2026/11/customs-rota\n")

        // And the open story's header shows its feed's link
        try await tmux.send("Enter")
        try await tmux.waitFor("harbour.example/news/2026/11/customs-rota")
        try await tmux.send("Q")
        try await tmux.waitFor("brief exited 0")
    }
}
