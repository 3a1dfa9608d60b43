import BriefTestServer
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

    @Test("F → folder → its stories → back → feed → story → back and back: titles say where, counts follow")
    func feedsAndFolders() async throws {
        // Given three fetched feeds, two in the folder Mediterranean
        let server = try TestHTTPServer()
        defer { server.stop() }
        let (dir, db, _) = try await DailyFixtures.subscribedCache(server)
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmux = try await EndToEndTmux.start(EndToEndTmux.briefCommand(db: URL(fileURLWithPath: db), home: dir))
        defer { tmux.kill() }
        try await tmux.waitFor("Brief · 4 unread of 4")

        // When F is pressed, the folders and feeds show with their counts
        try await tmux.send("F")
        var screen = try await tmux.waitFor("Brief › Feeds")
        #expect(screen.contains { $0.contains("▸ Mediterranean") && $0.contains("3 unread of 3") })
        #expect(screen.contains { $0.contains("Island Gazette") && $0.contains("1 unread of 1") })
        // When the folder is opened, its stories are listed under its name
        try await tmux.send("Enter")
        screen = try await tmux.waitFor("Brief › Mediterranean · 3 unread of 3")
        #expect(!screen.contains { $0.contains("Island council reopens") })
        // When going back and opening the harbour feed
        try await tmux.send("q")
        try await tmux.waitFor("Brief › Feeds")
        try await tmux.send("j")
        try await tmux.send("Enter")
        screen = try await tmux.waitFor("Brief › Harbour Wire · 2 unread of 2")
        #expect(!screen.contains { $0.contains("Ministry sets tuna quota") })
        // When its newest story is opened, the header names the feed and its link
        try await tmux.send("Enter")
        screen = try await tmux.waitFor("harbour.example/news/2026/11/customs-rota")
        #expect(screen[0].contains("Brief › Harbour Wire"))
        // And back: the feed's list has one fewer unread, the feed view too, then every story
        try await tmux.send("q")
        try await tmux.waitFor("Brief › Harbour Wire · 1 unread of 2")
        try await tmux.send("q")
        try await tmux.waitUntil("the harbour feed with one unread") {
            $0.contains { $0.contains("Harbour Wire") && $0.contains("1 unread of 2") }
        }
        try await tmux.send("q")
        try await tmux.waitFor("Brief · 3 unread of 4")
        // And A in the gazette's list marks only the gazette read
        try await tmux.send("F")
        try await tmux.waitFor("Brief › Feeds")
        try await tmux.send("G")
        try await tmux.send("Enter")
        try await tmux.waitFor("Brief › Island Gazette · 1 unread of 1")
        try await tmux.send("A")
        try await tmux.waitFor("Brief › Island Gazette · 0 unread of 1")
        try await tmux.send("q")
        try await tmux.send("q")
        try await tmux.waitFor("Brief · 2 unread of 4")
        try await tmux.send("Q")
        try await tmux.waitFor("brief exited 0")
    }

    @Test("s stars a story; after a restart S shows it in the Starred view")
    func starRestartStarred() async throws {
        let (dir, db, _) = try await DailyFixtures.cache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let dbURL = URL(fileURLWithPath: db)
        var tmux = try await EndToEndTmux.start(EndToEndTmux.briefCommand(db: dbURL, home: dir))
        defer { tmux.kill() }
        try await tmux.waitFor("unread of 3")
        // When the second story is starred
        try await tmux.send("j")
        try await tmux.send("s")
        let screen = try await tmux.waitFor("Starred · u undoes")
        #expect(screen[2].hasPrefix("★"))
        try await tmux.send("Q")
        try await tmux.waitFor("brief exited 0")
        // Then after a restart, S lists only it
        tmux.kill()
        tmux = try await EndToEndTmux.start(EndToEndTmux.briefCommand(db: dbURL, home: dir))
        try await tmux.waitFor("unread of 3")
        try await tmux.send("S")
        let starred = try await tmux.waitFor("Brief › Starred · 1 unread of 1")
        #expect(starred[1].hasPrefix("★●") && starred[1].contains("Customs officers agree new rota"))
        #expect(starred[2].trimmingCharacters(in: .whitespaces).isEmpty)
        // And q goes back to every story
        try await tmux.send("q")
        try await tmux.waitFor("Brief · 3 unread of 3")
        try await tmux.send("Q")
        try await tmux.waitFor("brief exited 0")
    }

    @Test("Another process marks a story read and stars one: the open reader shows both without a key, cursor kept")
    func changesFromOutside() async throws {
        let (dir, db, ids) = try await DailyFixtures.cache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmux = try await EndToEndTmux.start(EndToEndTmux.briefCommand(db: URL(fileURLWithPath: db), home: dir))
        defer { tmux.kill() }
        try await tmux.waitFor("Brief · 3 unread of 3")
        // Given the cursor on the second story
        try await tmux.send("j")
        // When another process marks the third read and stars the first
        let berth = try #require(ids["Port authority opens new ferry berth"])
        let ferry = try #require(ids["Ferry talks resume between island states"])
        #expect(try await BriefProcess.run(["mark", "read", "\(berth)", "--db", db]).status == 0)
        #expect(try await BriefProcess.run(["star", "\(ferry)", "--db", db]).status == 0)
        // Then the reader shows it with no key pressed
        let screen = try await tmux.waitUntil("the outside marks") { screen in
            screen.contains { $0.contains("2 unread of 3") } && screen[1].hasPrefix("★")
        }
        #expect(screen[3].hasPrefix("   ") && screen[3].contains("Port authority opens new ferry berth"))
        // And the cursor is still on the second story: r marks that one
        try await tmux.send("r")
        try await tmux.waitFor("1 unread of 3")
        let listed = try #require(try CLIFixtures.json(try await BriefProcess.run(["list", "--json", "--unread", "--db", db]).stdout)
            as? [[String: Any]])
        #expect(listed.map { $0["id"] as? Int } == [ferry])
        try await tmux.send("Q")
        try await tmux.waitFor("brief exited 0")
    }

    @Test("With keep_days, R refreshes, prunes the old read story, says so, and the list follows")
    func refreshPrunesWithKeepDays() async throws {
        // Given three fetched feeds (four stories from late November), the berth story read, and keep_days = 1
        let server = try TestHTTPServer()
        defer { server.stop() }
        let (dir, db, _) = try await DailyFixtures.subscribedCache(server)
        defer { try? FileManager.default.removeItem(at: dir) }
        let list = try CLIFixtures.json(try await BriefProcess.run(["list", "--json", "--db", db]).stdout) as? [[String: Any]] ?? []
        let berth = try #require(list.first { $0["title"] as? String == "Port authority opens new ferry berth" }?["id"] as? Int)
        #expect(try await BriefProcess.run(["mark", "read", "\(berth)", "--db", db]).status == 0)
        let config = dir.appendingPathComponent("config")
        try FileManager.default.createDirectory(at: config.appendingPathComponent("brief"), withIntermediateDirectories: true)
        try Data("keep_days = 1\n".utf8).write(to: config.appendingPathComponent("brief/config.toml"))
        let tmux = try await EndToEndTmux.start(EndToEndTmux.briefCommand(
            db: URL(fileURLWithPath: db), home: dir, environment: "XDG_CONFIG_HOME='\(config.path)'"))
        defer { tmux.kill() }
        try await tmux.waitFor("Brief · 3 unread of 4")
        // When R is pressed (the entity model loads now, the first time it is needed)
        try await tmux.send("R")
        // Then the status line says what the refresh pruned, and the list lost the read story
        let screen = try await tmux.waitFor("0 failed, 1 old story pruned")
        let after = screen.contains { $0.contains("Brief · 3 unread of 3") } ? screen : try await tmux.waitFor("Brief · 3 unread of 3")
        #expect(!after.contains { $0.contains("Port authority opens new ferry berth") })
        #expect(try await BriefProcess.run(["count", "--db", db]).stdout == "3\n")
        try await tmux.send("Q")
        try await tmux.waitFor("brief exited 0")
    }

    @Test("brief prune from another terminal: the open reader loses only the old read story; starred and unread stay")
    func pruneKeepsStarredAndUnread() async throws {
        let (dir, db, ids) = try await DailyFixtures.cache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let berth = try #require(ids["Port authority opens new ferry berth"])
        let rota = try #require(ids["Customs officers agree new rota"])
        let ferry = try #require(ids["Ferry talks resume between island states"])
        let tmux = try await EndToEndTmux.start(EndToEndTmux.briefCommand(db: URL(fileURLWithPath: db), home: dir))
        defer { tmux.kill() }
        try await tmux.waitFor("Brief · 3 unread of 3")
        // Given the berth story read, the rota story read and starred (both dated in November), the ferry story
        // read but new
        #expect(try await BriefProcess.run(["mark", "read", "\(berth)", "\(rota)", "\(ferry)", "--db", db]).status == 0)
        #expect(try await BriefProcess.run(["star", "\(rota)", "--db", db]).status == 0)
        try await tmux.waitFor("Brief · 0 unread of 3")
        // When the old read stories are pruned
        let pruned = try await BriefProcess.run(["prune", "--older-than", "1d", "--db", db])
        #expect(pruned.stderr == "pruned 1 story older than 1 days\n")
        // Then the reader shows the other two, the starred one marked
        let screen = try await tmux.waitFor("Brief · 0 unread of 2")
        #expect(!screen.contains { $0.contains("Port authority opens new ferry berth") })
        #expect(screen.contains { $0.hasPrefix("★") && $0.contains("Customs officers agree new rota") })
        try await tmux.send("Q")
        try await tmux.waitFor("brief exited 0")
    }
}
