import Foundation
import Testing

/// The real `brief` binary in a real terminal (tmux): what a reader actually sees and does.
// The time limit only guards against a hang: a test's time includes waiting for a process slot behind the other
// CLI tests, which on a busy 2-core machine in a parallel run took several minutes.
@Suite("End to end: the reader in a terminal", .serialized, .timeLimit(.minutes(30)))
struct EndToEndTests {
    struct ListedStory: Decodable {
        var id: Int64
        var title: String
        var read: Bool
    }

    struct ShownStory: Decodable {
        struct Section: Decodable {
            struct Paragraph: Decodable { var text: String }
            var title: String?
            var paragraphs: [Paragraph]
        }
        var title: String
        var sections: [Section]
    }

    static func listed(_ db: URL) async throws -> [ListedStory] {
        let result = try await BriefProcess.run(["list", "--json", "--db", db.path])
        try #require(result.status == 0, "brief list failed: \(result.stderr)")
        return try JSONDecoder().decode([ListedStory].self, from: Data(result.stdout.utf8))
    }

    /// "N unread of M" from the list's title bar.
    static func counts(_ screen: [String]) -> (unread: Int, total: Int)? {
        guard let bar = screen.first(where: { $0.contains(" unread of ") }) else { return nil }
        let words = bar.split(separator: " ")
        guard let at = words.firstIndex(of: "unread"), at > 0, at + 2 < words.count,
              let unread = Int(words[at - 1]), let total = Int(words[at + 2]) else { return nil }
        return (unread, total)
    }

    @Test("On an empty cache brief imports the samples; opening a story reads it; the read mark survives a restart")
    func readingSession() async throws {
        // Given an empty cache
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("c.sqlite")
        var tmux = try await EndToEndTmux.start(EndToEndTmux.briefCommand(db: db, home: dir))
        defer { tmux.kill() }

        // When brief starts, it imports the bundled samples and lists them, all unread
        var screen = try await tmux.waitUntil("the story list", timeout: 300) { Self.counts($0) != nil }
        let (unread, total) = try #require(Self.counts(screen))
        #expect(total > 0)
        #expect(unread == total)
        let stories = try await Self.listed(db)
        #expect(stories.count == total)
        let first = try #require(stories.first)
        #expect(screen[1].contains("●"))
        #expect(screen[1].contains(String(first.title.prefix(30))))

        // When the first story is opened, its headline and sections show
        try await tmux.send("Enter")
        screen = try await tmux.waitFor("Brief ›")
        #expect(screen.contains { $0.contains(String(first.title.prefix(30))) })
        let shown = try await BriefProcess.run(["show", "\(first.id)", "--json", "--db", db.path])
        let story = try JSONDecoder().decode(ShownStory.self, from: Data(shown.stdout.utf8))
        let lede = try #require(story.sections.first?.paragraphs.first?.text)
        let firstWords = lede.split(separator: " ").prefix(3).joined(separator: " ")
        #expect(screen.contains { $0.contains(firstWords) }, "lede \"\(firstWords)\" not on screen")
        // And paging through the story reaches its section headings
        if let heading = story.sections.compactMap(\.title).first {
            var seen = screen.contains { $0.contains(String(heading.prefix(20))) }
            var page = screen
            for _ in 0..<40 where !seen && !(page.first ?? "").hasSuffix("End") && !(page.first ?? "").hasSuffix("All") {
                try await tmux.send("Space")
                let previous = page
                page = try await tmux.waitUntil("the next page") { $0 != previous }
                seen = page.contains { $0.contains(String(heading.prefix(20))) }
            }
            #expect(seen, "section \"\(heading)\" never shown")
            try await tmux.send("g")
        }

        // When going back, the unread count has dropped by one
        try await tmux.send("q")
        screen = try await tmux.waitUntil("one fewer unread") { Self.counts($0)?.unread == unread - 1 }
        #expect(!screen[1].contains("●"))

        // When toggling read on the selected story twice, the count follows
        try await tmux.send("r")
        try await tmux.waitUntil("unread again") { Self.counts($0)?.unread == unread }
        try await tmux.send("r")
        try await tmux.waitUntil("read again") { Self.counts($0)?.unread == unread - 1 }

        // When quitting, brief exits cleanly
        try await tmux.send("q")
        try await tmux.waitFor("brief exited 0")

        // Then the read mark is in the cache for scripts
        let after = try await Self.listed(db)
        #expect(after.first { $0.id == first.id }?.read == true)
        #expect(after.filter(\.read).count == 1)
        let count = try await BriefProcess.run(["count", "--unread", "--db", db.path])
        #expect(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "\(unread - 1)")

        // And a restarted reader shows it read
        tmux.kill()
        tmux = try await EndToEndTmux.start(EndToEndTmux.briefCommand(db: db, home: dir))
        screen = try await tmux.waitUntil("the story list after restart") { Self.counts($0) != nil }
        #expect(Self.counts(screen)?.unread == unread - 1)
        #expect(!screen[1].contains("●"))
        try await tmux.send("Q")
        try await tmux.waitFor("brief exited 0")
    }

    @Test("Resizing the terminal down to 20×6 and back, in the list and in a story, never crashes")
    func resizing() async throws {
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("c.sqlite")
        let tmux = try await EndToEndTmux.start(EndToEndTmux.briefCommand(db: db, home: dir))
        defer { tmux.kill() }
        try await tmux.waitUntil("the story list", timeout: 300) { Self.counts($0) != nil }

        // In the list
        try await tmux.resize(width: 20, height: 6)
        var screen = try await tmux.waitFor("Brief · ")
        #expect(screen.prefix(6).allSatisfy { $0.count <= 20 })
        try await tmux.resize(width: 100, height: 30)
        screen = try await tmux.waitFor("Enter open · / search")

        // In a story, scrolled down a little
        try await tmux.send("Enter")
        try await tmux.waitFor("Brief ›")
        try await tmux.send("j", "j", "j")
        for (width, height) in [(20, 6), (33, 9), (20, 6), (100, 30)] {
            try await tmux.resize(width: width, height: height)
            screen = try await tmux.waitUntil("a \(width)×\(height) story") { screen in
                screen.first?.contains("Brief ›") == true && screen.prefix(height).allSatisfy { $0.count <= width }
            }
        }
        try await tmux.waitFor("q back · ? keys")
        try await tmux.send("?")
        try await tmux.waitFor("Brief › Keys")
        try await tmux.resize(width: 20, height: 6)
        try await tmux.waitUntil("a small help screen") { $0.first?.contains("Keys") == true && $0[0].count <= 20 }
        try await tmux.send("Q")
        try await tmux.waitFor("brief exited 0")
    }

    struct PlannedStory: Decodable {
        struct Section: Decodable {
            struct Paragraph: Decodable {
                struct Mention: Decodable { var entity: String }
                var mentions: [Mention]
            }
            var paragraphs: [Paragraph]
        }
        var id: Int64
        var title: String
        var sections: [Section]
    }

    struct EntityStories: Decodable {
        struct Story: Decodable {
            var id: Int64
            var title: String
        }
        var name: String
        var type: String
        var stories: [Story]
    }

    @Test("Search, open, Tab to a name, follow it to its page, open another story there, mark, resize, quit; marks survive")
    func followingAnEntity() async throws {
        // Given the samples in a cache, and a story whose first name belongs to an entity other stories mention
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("c.sqlite")
        let imported = try await BriefProcess.run(["import", "--samples", "--db", db.path])
        try #require(imported.status == 0, "import failed: \(imported.stderr)")
        let all = try await Self.listed(db)
        var plan: (story: PlannedStory, entity: EntityStories, other: Int)?
        for listed in all {
            let shown = try await BriefProcess.run(["show", "\(listed.id)", "--json", "--db", db.path])
            let story = try JSONDecoder().decode(PlannedStory.self, from: Data(shown.stdout.utf8))
            guard let key = story.sections.lazy.flatMap(\.paragraphs).flatMap(\.mentions).first?.entity else { continue }
            let page = try await BriefProcess.run(["entity", key, "--json", "--db", db.path])
            let entity = try JSONDecoder().decode(EntityStories.self, from: Data(page.stdout.utf8))
            if let other = entity.stories.firstIndex(where: { $0.id != story.id }) {
                plan = (story, entity, other)
                break
            }
        }
        let (story, entity, otherIndex) = try #require(plan)
        let other = entity.stories[otherIndex]
        let typeName = ["PER": "Person", "ORG": "Organisation", "LOC": "Place", "MISC": "Group"][entity.type] ?? "?"
        let words = story.title.split(separator: " ").filter { $0.allSatisfy { $0.isLetter || $0.isNumber } }
        let query = words.prefix(5).joined(separator: " ")

        var tmux = try await EndToEndTmux.start(EndToEndTmux.briefCommand(db: db, home: dir))
        defer { tmux.kill() }
        try await tmux.waitUntil("the story list", timeout: 300) { Self.counts($0) != nil }

        // When searching the library for the story's headline words, it is listed first and selected
        try await tmux.send("/")
        try await tmux.waitFor("Search all stories:")
        try await tmux.run(["send-keys", "-t", tmux.session, "-l", query])
        try await tmux.send("Enter")
        var screen = try await tmux.waitFor("found")
        #expect(screen[1].contains(String(story.title.prefix(20))), "first result: \(screen[1])")

        // And opening it, then Tab focuses its first name
        try await tmux.send("Enter")
        try await tmux.waitFor("q back · ? keys")
        try await tmux.send("Tab")
        screen = try await tmux.waitFor("\(typeName): ")

        // When following the name, its page lists the stories that mention it
        try await tmux.send("Enter")
        screen = try await tmux.waitFor("Brief › \(typeName): \(entity.name)")
        #expect(screen.contains { $0.contains(String(other.title.prefix(20))) } || entity.stories.count > 8)

        // And choosing another story there opens it at the mention
        for _ in 0..<otherIndex { try await tmux.send("j") }
        try await tmux.send("Enter")
        screen = try await tmux.waitUntil("the other story, focused") { screen in
            screen.contains { $0.contains(String(other.title.prefix(20))) }
                && screen.suffix(3).contains { $0.hasPrefix(" \(typeName): ") }
        }

        // When toggling its read mark twice (opening read it), it ends up read
        try await tmux.send("r")
        try await tmux.waitFor("Marked unread")
        try await tmux.send("r")
        try await tmux.waitFor("Marked read")

        // And the terminal shrinks to 20×6 and grows back, the story is still there
        try await tmux.resize(width: 20, height: 6)
        try await tmux.waitUntil("a 20×6 story") { $0.first?.contains("Brief ›") == true && $0.prefix(6).allSatisfy { $0.count <= 20 } }
        try await tmux.resize(width: 100, height: 30)
        try await tmux.waitUntil("the story at 100×30") { $0.first?.contains("Brief ›") == true && ($0.first?.count ?? 0) > 60 }
        // (It kept its place in the text; g goes back to the headline.)
        try await tmux.send("g")
        try await tmux.waitUntil("the story's headline") { screen in
            screen.first?.contains("Brief ›") == true && screen.contains { $0.contains(String(other.title.prefix(20))) }
        }
        try await tmux.send("Q")
        try await tmux.waitFor("brief exited 0")

        // Then both stories are read for scripts, and nothing else is
        let after = try await Self.listed(db)
        #expect(Set(after.filter(\.read).map(\.id)) == [story.id, other.id])

        // And a restarted reader counts them read
        tmux.kill()
        tmux = try await EndToEndTmux.start(EndToEndTmux.briefCommand(db: db, home: dir))
        screen = try await tmux.waitUntil("the story list after restart") { Self.counts($0) != nil }
        #expect(Self.counts(screen)?.unread == all.count - 2)
        try await tmux.send("e")
        screen = try await tmux.waitFor("Brief › Entities · All types")
        try await tmux.send("Q")
        try await tmux.waitFor("brief exited 0")
    }

    @Test("r then u, opening then u, and A then u restore the unread marks, which survive quit and restart")
    func undoingMarks() async throws {
        // Given the samples in a cache, all unread
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("c.sqlite")
        let imported = try await BriefProcess.run(["import", "--samples", "--db", db.path])
        try #require(imported.status == 0, "import failed: \(imported.stderr)")
        let total = try await Self.listed(db).count
        var tmux = try await EndToEndTmux.start(EndToEndTmux.briefCommand(db: db, home: dir))
        defer { tmux.kill() }
        var screen = try await tmux.waitUntil("the story list", timeout: 300) { Self.counts($0) != nil }
        #expect(Self.counts(screen)?.unread == total)

        // When r marks the first story read, u makes it unread again
        try await tmux.send("r")
        try await tmux.waitUntil("one read") { Self.counts($0)?.unread == total - 1 }
        try await tmux.send("u")
        screen = try await tmux.waitUntil("the mark undone") { Self.counts($0)?.unread == total }
        #expect(screen.last { !$0.isEmpty }?.hasPrefix(" Undone, unread again: “") == true)
        #expect(screen[1].contains("●"))

        // When opening a story marks it read, u in the story view makes it unread again
        try await tmux.send("Enter")
        try await tmux.waitFor("q back · ? keys")
        try await tmux.send("u")
        try await tmux.waitFor("Undone, unread again: ")
        try await tmux.send("q")
        screen = try await tmux.waitUntil("the list, all unread") { Self.counts($0)?.unread == total }
        #expect(screen[1].contains("●"))

        // When A marks everything read, u makes all of it unread again
        try await tmux.send("A")
        try await tmux.waitUntil("all read") { Self.counts($0)?.unread == 0 }
        try await tmux.send("u")
        try await tmux.waitUntil("all unread again") { Self.counts($0)?.unread == total }
        try await tmux.waitFor("Undone, \(total) stories unread again")
        // And with nothing left to undo, u says so
        try await tmux.send("u")
        try await tmux.waitFor("Nothing to undo")
        try await tmux.send("q")
        try await tmux.waitFor("brief exited 0")

        // Then the cache holds every story unread, for scripts
        #expect(try await Self.listed(db).allSatisfy { !$0.read })
        // And a restarted reader counts them all unread
        tmux.kill()
        tmux = try await EndToEndTmux.start(EndToEndTmux.briefCommand(db: db, home: dir))
        screen = try await tmux.waitUntil("the story list after restart") { Self.counts($0) != nil }
        #expect(Self.counts(screen)?.unread == total)
        try await tmux.send("Q")
        try await tmux.waitFor("brief exited 0")
    }

    struct IndexedEntity: Decodable {
        var key: String
        var name: String
        var type: String
        var stories: Int
    }

    @Test("/ on an entity page filters its stories by headline; Enter opens the one shown; Esc shows them all")
    func filteringAnEntityPage() async throws {
        // Given the samples, the most mentioned entity (first in the index), and a headline word of one of
        // its stories that the others' headlines lack
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("c.sqlite")
        let imported = try await BriefProcess.run(["import", "--samples", "--db", db.path])
        try #require(imported.status == 0, "import failed: \(imported.stderr)")
        let listed = try await BriefProcess.run(["entities", "--json", "--db", db.path])
        let top = try #require(try JSONDecoder().decode([IndexedEntity].self, from: Data(listed.stdout.utf8)).first)
        try #require(top.stories >= 2, "the most mentioned entity is in one story only")
        let page = try await BriefProcess.run(["entity", top.key, "--json", "--db", db.path])
        let entity = try JSONDecoder().decode(EntityStories.self, from: Data(page.stdout.utf8))
        func holds(_ title: String, _ word: String) -> Bool {
            title.range(of: word, options: [.caseInsensitive, .diacriticInsensitive]) != nil
        }
        var pick: (story: EntityStories.Story, word: String)?
        for story in entity.stories where pick == nil {
            let words = story.title.split(separator: " ").map(String.init)
                .filter { $0.count >= 5 && $0.allSatisfy(\.isLetter) }
            if let word = words.first(where: { word in entity.stories.filter { holds($0.title, word) }.count == 1 }) {
                pick = (story, word)
            }
        }
        let (story, word) = try #require(pick)
        let others = entity.stories.filter { $0.id != story.id }
        let typeName = ["PER": "Person", "ORG": "Organisation", "LOC": "Place", "MISC": "Group"][entity.type] ?? "?"

        let tmux = try await EndToEndTmux.start(EndToEndTmux.briefCommand(db: db, home: dir))
        defer { tmux.kill() }
        try await tmux.waitUntil("the story list", timeout: 300) { Self.counts($0) != nil }

        // When opening the entity index and its first entity's page
        try await tmux.send("e")
        try await tmux.waitFor("Brief › Entities · All types")
        try await tmux.waitFor(top.name)
        try await tmux.send("Enter")
        var screen = try await tmux.waitFor("Brief › \(typeName): \(entity.name)")
        try await tmux.waitFor("\(entity.stories.count) stories")

        // And pressing / and typing the word
        try await tmux.send("/")
        try await tmux.waitFor("Filter stories:")
        try await tmux.run(["send-keys", "-t", tmux.session, "-l", word])
        // Then the page shows only that story, and says one of how many
        func filtered(_ screen: [String]) -> Bool {
            screen.first?.contains("“\(word)”") == true && screen.first?.hasSuffix(" 1 of \(entity.stories.count) stories") == true
        }
        screen = try await tmux.waitUntil("the page filtered to one story", filtered)
        #expect(screen.contains { $0.contains(String(story.title.prefix(30))) })
        for other in others {
            #expect(!screen.dropFirst().contains { $0.contains(String(other.title.prefix(30))) }, "still shown: \(other.title)")
        }

        // When Enter closes the prompt and Enter again opens the story shown
        try await tmux.send("Enter")
        try await tmux.waitFor("Esc clears the filter")
        try await tmux.send("Enter")
        screen = try await tmux.waitUntil("the filtered story, opened") { screen in
            screen.first?.contains("stories") == false && screen.contains { $0.contains(String(story.title.prefix(30))) }
                && screen.suffix(3).contains { $0.hasPrefix(" \(typeName): ") }
        }

        // And back on the page the filter holds; Esc clears it and every story is back
        try await tmux.send("q")
        try await tmux.waitUntil("the page, still filtered", filtered)
        try await tmux.send("Escape")
        screen = try await tmux.waitUntil("the whole page") { screen in
            screen.first?.hasSuffix("\(entity.stories.count) stories") == true && screen.first?.contains(" of ") == false
        }
        #expect(screen.contains { $0.contains(String((others.first?.title ?? "").prefix(30))) } || entity.stories.count > 6)
        try await tmux.send("Q")
        try await tmux.waitFor("brief exited 0")
    }

    @Test("SIGTERM while reading gives the terminal back before brief dies of it")
    func terminatedBySignal() async throws {
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("c.sqlite")
        let tmux = try await EndToEndTmux.start(EndToEndTmux.briefCommand(db: db, home: dir))
        defer { tmux.kill() }
        try await tmux.waitUntil("the story list", timeout: 300) { Self.counts($0) != nil }
        try await tmux.send("Enter")
        try await tmux.waitFor("Brief ›")
        // The pane runs a shell whose one child is brief.
        let panes = try await tmux.run(["list-panes", "-t", tmux.session, "-F", "#{pane_pid}"])
        let shell = try #require(Int32(panes.trimmingCharacters(in: .whitespacesAndNewlines)))
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        let brief = try #require(children.split(separator: " ").first.flatMap { Int32($0) })
        #expect(kill(brief, SIGTERM) == 0)
        // Then the shell's screen is back (the reader's alternate screen is gone) and brief died of SIGTERM
        let screen = try await tmux.waitFor("brief exited 143")
        #expect(!screen.contains { $0.contains("Brief ›") })
        let modes = try await tmux.run(["display-message", "-p", "-t", tmux.session, "#{alternate_on} #{cursor_flag}"])
        #expect(modes.trimmingCharacters(in: .whitespacesAndNewlines) == "0 1")
    }

    @Test("With stdout not a terminal, brief says the reader needs one and exits non-zero")
    func notATerminal() async throws {
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try await BriefProcess.run(["--db", dir.appendingPathComponent("c.sqlite").path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("needs a terminal"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(!result.stderr.contains("\u{1B}"))
    }

    @Test("In a terminal that cannot move the cursor (TERM=dumb), brief says so and exits non-zero")
    func dumbTerminal() async throws {
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("c.sqlite")
        let tmux = try await EndToEndTmux.start(EndToEndTmux.briefCommand(db: db, home: dir, environment: "TERM=dumb"))
        defer { tmux.kill() }
        let screen = try await tmux.waitFor("brief exited", timeout: 120)
        #expect(screen.contains { $0.contains("cannot move the cursor") })
        #expect(!screen.contains { $0.contains("brief exited 0") })
    }
}
