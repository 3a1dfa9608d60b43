import Foundation
import Testing

@Suite("Hostile text through the CLI")
struct CLIHostileTextTests {
    @Test("Terminal escapes and bidi overrides are kept in the cache but never reach plain output")
    func hostileTextNeutralised() async throws {
        // Given a story full of escape sequences and a right-to-left override
        let dir = try BriefProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("brief.sqlite").path
        let file = dir.appendingPathComponent("hostile.txt")
        try Data(CLIFixtures.hostileStory.utf8).write(to: file)

        // When it is imported, listed and shown
        #expect(try await BriefProcess.run(["import", "--db", db, file.path]).status == 0)
        let list = try await BriefProcess.run(["list", "--db", db])
        let show = try await BriefProcess.run(["show", "1", "--db", db])

        // Then the plain outputs carry no ESC, BEL or bidi control, but keep the words
        for output in [list.stdout, show.stdout] {
            #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || (0x202A...0x202E).contains($0.value) })
            #expect(output.contains("escapes and"))
        }
        #expect(show.stdout.contains("red words and a bell in it."))
        // And the JSON keeps the text as written (escaped by JSON itself)
        let json = try await BriefProcess.run(["show", "1", "--json", "--db", db]).stdout
        #expect(!json.unicodeScalars.contains { $0.value == 0x1B })
        let story = try #require(try CLIFixtures.json(json) as? [String: Any])
        #expect((story["title"] as? String)?.contains("\u{1B}[2J") == true)
    }
}
