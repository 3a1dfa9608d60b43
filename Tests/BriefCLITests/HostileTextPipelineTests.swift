import Foundation
import Testing

/// A story written to attack the terminal, through the whole pipeline: import, plain output, JSON, and the
/// reader in a real terminal (tmux). Its words are ours; the escapes are the ones a hostile feed would carry.
// The time limit only guards against a hang: a test's time includes waiting for a process slot behind the other
// CLI tests, which on a busy 2-core machine in a parallel run took several minutes.
@Suite("Hostile text from import to the screen", .serialized, .timeLimit(.minutes(30)))
struct HostileTextPipelineTests {
    static let esc = "\u{1B}", bel = "\u{07}", st = "\u{1B}\\"
    /// Clear screen and home; set the window title; write "stolen" to the clipboard (OSC 52); a hyperlink (OSC 8);
    /// a bell; a C1 CSI (U+009B) that would clear the screen; a right-to-left override and an isolate.
    static let headline = "Border talks \(esc)[2J\(esc)[Hresume\(esc)]0;HIJACKED TITLE\(bel) in the valley"
    static let lede = "VALLETTA (Brief Wire) - Envoys\(esc)]52;c;c3RvbGVu\(bel) met on Monday to reopen "
        + "\(esc)]8;;https://attacker.example/phish\(st)the treaty text\(esc)]8;;\(st) and\(bel) agreed "
        + "to \u{9B}2J meet again \u{202E}reversed words\u{202C} and \u{2066}isolated words\u{2069} next week."
    static let story = headline + "\n\n" + lede + "\n\nOfficials said the next round would follow in spring.\n"

    /// Code points that must never reach a terminal from plain output (a line break, and the tab that separates
    /// `brief list`'s columns, are allowed).
    static func isHostile(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v)
    }

    static func hostileScalars(_ text: String) -> [String] {
        text.unicodeScalars.filter(isHostile).map { String(format: "U+%04X", $0.value) }
    }

    /// A cache holding the hostile story, imported by the real binary.
    static func importedCache() async throws -> (dir: URL, db: String) {
        let dir = try BriefProcess.temporaryDirectory()
        let db = dir.appendingPathComponent("brief.sqlite").path
        let file = dir.appendingPathComponent("border-talks.txt")
        try Data(story.utf8).write(to: file)
        let result = try await BriefProcess.run(["import", "--db", db, file.path])
        try #require(result.status == 0, "import failed: \(result.stderr)")
        return (dir, db)
    }

    @Test("brief list and brief show carry none of the hostile code points, but keep every word around them")
    func plainOutputIsSafe() async throws {
        // Given the hostile story imported through the CLI
        let (dir, db) = try await Self.importedCache()
        defer { try? FileManager.default.removeItem(at: dir) }

        // When it is listed and shown as plain text
        let list = try await BriefProcess.run(["list", "--db", db])
        let unread = try await BriefProcess.run(["list", "--unread", "--db", db])
        let show = try await BriefProcess.run(["show", "1", "--db", db])

        // Then no control, C1 or bidi code point is printed, and the escape payloads are gone
        for (name, result) in [("list", list), ("list --unread", unread), ("show", show)] {
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(Self.hostileScalars(result.stdout).isEmpty, "\(name) printed \(Self.hostileScalars(result.stdout))")
            #expect(Self.hostileScalars(result.stderr).isEmpty, "\(name) stderr has \(Self.hostileScalars(result.stderr))")
            #expect(!result.stdout.contains("HIJACKED"), "\(name)")
            #expect(!result.stdout.contains("attacker.example"), "\(name)")
            #expect(result.stdout.contains("Border talks resume in the valley"), "\(name): \(result.stdout)")
        }
        // And the words around the sequences survive, in their stored order
        #expect(show.stdout.contains("Envoys met on Monday to reopen the treaty text and agreed to 2J meet again"))
        #expect(show.stdout.contains("reversed words and isolated words next week."))
        #expect(!list.stdout.contains("c3RvbGVu"))
        // The tagger reads masked text, so the clipboard payload never surfaces as a name
        #expect(!show.stdout.contains("c3RvbGVu"), "the OSC 52 payload is shown")
    }

    @Test("brief show --json keeps the story exactly as written, escaped by JSON, never raw")
    func jsonKeepsOriginal() async throws {
        let (dir, db) = try await Self.importedCache()
        defer { try? FileManager.default.removeItem(at: dir) }

        let result = try await BriefProcess.run(["show", "1", "--json", "--db", db])
        #expect(result.status == 0)
        // JSON escapes every C0 control; the document itself carries no ESC or BEL byte
        #expect(!result.stdout.unicodeScalars.contains { $0.value < 0x20 && $0.value != 0x0A })
        let document = try #require(try CLIFixtures.json(result.stdout) as? [String: Any])
        #expect(document["title"] as? String == Self.headline.trimmingCharacters(in: .whitespaces))
        let sections = try #require(document["sections"] as? [[String: Any]])
        let texts = sections.flatMap { ($0["paragraphs"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String } }
        #expect(texts.contains { $0.contains("\(Self.esc)]52;c;c3RvbGVu\(Self.bel)") && $0.contains("\u{202E}") })
    }

    @Test("A hostile file name in an import error does not reach stderr raw")
    func hostileFileNameInError() async throws {
        // Given an empty file whose name sets the window title
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("empty\(Self.esc)]0;HIJACKED\(Self.bel)\u{202E}.txt")
        FileManager.default.createFile(atPath: file.path, contents: Data())

        // When it is imported, the failure names the file on one line, without the escape
        let result = try await BriefProcess.run(["import", "--db", dir.appendingPathComponent("c.sqlite").path, file.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("empty"))
        #expect(Self.hostileScalars(result.stderr).isEmpty, "stderr carries \(Self.hostileScalars(result.stderr))")
    }

    @Test("Opening the hostile story in the reader shows its words and leaves the terminal unhijacked")
    func readerInTmux() async throws {
        // Given the hostile story in a cache, and a tmux server that would obey OSC 52 and titles if they got through
        let (dir, db) = try await Self.importedCache()
        defer { try? FileManager.default.removeItem(at: dir) }
        let go = dir.appendingPathComponent("go")
        let binary = BriefProcess.binaryURL.path
        let command = "while [ ! -e '\(go.path)' ]; do sleep 0.05; done; "
            + "env LANG=C.UTF-8 HOME='\(dir.path)' '\(binary)' --db '\(db)'; echo \"brief exited $?\"; sleep 60"
        let tmux = try await EndToEndTmux.start(command, width: 100, height: 30)
        var started: [pid_t] = []
        defer {
            tmux.kill()
            // A reader that ignored the hang-up must not outlive the test.
            for pid in started where Self.isBrief(pid) { kill(pid, SIGKILL) }
        }
        try await tmux.run(["set-option", "-g", "set-clipboard", "on"])
        try await tmux.run(["set-option", "-g", "allow-rename", "on"])
        try await tmux.run(["set-option", "-g", "automatic-rename", "off"])
        try await tmux.run(["select-pane", "-t", tmux.session, "-T", "brief-pane"])
        FileManager.default.createFile(atPath: go.path, contents: nil)

        // When the list shows and the story is opened
        var screen = try await tmux.waitFor("Border talks resume in the valley", timeout: 300)
        started = try await Self.paneChildren(tmux)
        try await tmux.send("Enter")
        screen = try await tmux.waitFor("Brief ›")
        screen = try await tmux.waitFor("met on Monday to reopen the treaty text and agreed to 2J meet again")

        // Then the reader's own chrome is intact (nothing cleared or moved it) and the text is neutralised
        let text = screen.joined(separator: "\n")
        #expect(screen.first?.contains("Brief ›") == true, "title bar: \(screen.first ?? "")")
        #expect(text.contains("q back"), "footer missing:\n\(text)")
        #expect(text.contains("Border talks resume in the valley"))
        // (the words are compared with line wrapping undone: where the line breaks depends on the width)
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(words.contains("words and isolated words next week."))
        #expect(!text.contains("HIJACKED"))
        // No mention splits the OSC 52 sequence, so its payload never shows as a word
        #expect(text.contains("Envoys met on Monday") && !text.contains("c3RvbGVu"), "the OSC 52 payload is shown")
        #expect(Self.hostileScalars(text).isEmpty, "screen holds \(Self.hostileScalars(text))")
        // And no hyperlink, title or clipboard write reached the terminal
        let withEscapes = try await tmux.run(["capture-pane", "-p", "-e", "-t", tmux.session])
        #expect(!withEscapes.contains("attacker.example"))
        let title = try await tmux.run(["display-message", "-p", "-t", tmux.session, "#{pane_title}|#{window_name}"])
        #expect(!title.contains("HIJACKED"), "title became \(title)")
        let buffers = try await tmux.run(["list-buffers"])
        #expect(buffers.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "clipboard written: \(buffers)")

        // And the reader still answers keys and exits cleanly
        try await tmux.send("q")
        try await tmux.waitFor("Border talks resume in the valley")
        try await tmux.send("q")
        try await tmux.waitFor("brief exited 0")
    }

    /// The processes the pane's shell started (the reader).
    static func paneChildren(_ tmux: EndToEndTmux) async throws -> [pid_t] {
        let shell = try await tmux.run(["list-panes", "-t", tmux.session, "-F", "#{pane_pid}"])
        guard let pid = Int32(shell.trimmingCharacters(in: .whitespacesAndNewlines)),
              let children = try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)
        else { return [] }
        return children.split(separator: " ").compactMap { Int32($0) }
    }

    static func isBrief(_ pid: pid_t) -> Bool {
        let cmdline = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? ""
        return cmdline.contains("brief")
    }

    @Test("The same bytes printed raw do hijack this tmux, so the reader test above can fail")
    func rawBytesWouldHijack() async throws {
        // Given the story's raw bytes in a file, and the same tmux settings as the reader test
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("raw.txt")
        try Data(Self.story.utf8).write(to: file)
        let go = dir.appendingPathComponent("go")
        let tmux = try await EndToEndTmux.start("while [ ! -e '\(go.path)' ]; do sleep 0.05; done; cat '\(file.path)'; "
                                          + "echo; echo done-printing; sleep 60")
        defer { tmux.kill() }
        try await tmux.run(["set-option", "-g", "set-clipboard", "on"])
        try await tmux.run(["set-option", "-g", "allow-rename", "on"])
        try await tmux.run(["set-option", "-g", "automatic-rename", "off"])
        try await tmux.run(["select-pane", "-t", tmux.session, "-T", "brief-pane"])
        FileManager.default.createFile(atPath: go.path, contents: nil)

        // When the raw text is printed with cat
        try await tmux.waitFor("done-printing", timeout: 120)

        // Then the title and the clipboard were taken over: the checks above detect a real hijack
        let title = try await tmux.run(["display-message", "-p", "-t", tmux.session, "#{pane_title}"])
        #expect(title.contains("HIJACKED"), "title is \(title)")
        #expect(try await tmux.run(["list-buffers"]).contains("stolen"))
    }
}
