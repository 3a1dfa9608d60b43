import Foundation
import Testing

/// Issue 13: the reader on a read-only cache, through a real terminal.
@Suite("The reader on a read-only cache, in tmux")
struct ReadOnlyReaderJourneyTests {
    @Test("The reader opens a 0444 cache read-only: it says so, r is refused in the status bar, and no file appears")
    func readerReadOnly() async throws {
        let (dir, db, _) = try await DailyFixtures.cache()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        let before = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        let tmux = try await EndToEndTmux.start(EndToEndTmux.briefCommand(db: URL(fileURLWithPath: db), home: dir))
        defer { tmux.kill() }
        try await tmux.waitFor("3 unread of 3 · read-only")
        try await tmux.send("r")
        try await tmux.waitFor("The cache is read-only: marks and stars are not saved")
        try await tmux.send("q")
        try await tmux.waitFor("brief exited 0")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == before)
        #expect(try await BriefProcess.run(["count", "--unread", "--db", db]).stdout == "3\n")
    }
}
