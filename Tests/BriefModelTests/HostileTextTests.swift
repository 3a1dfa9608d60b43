import Foundation
import Testing
import BriefModel

@Suite("Hostile text is kept when parsed and neutralised when shown")
struct HostileTextTests {
    static let clear = "\u{1B}[2J"
    static let clipboard = "\u{1B}]52;c;cm0gLXJmIH4=\u{07}"
    static let override = "\u{202E}"

    @Test("escape sequences and bidi controls survive parsing unchanged and are removed by sanitize")
    func survivesParsingThenSanitised() throws {
        // Given a story whose headline and body carry a clear-screen, an OSC 52 clipboard write and a bidi override
        let input = "Ferry \(Self.clear)resumes\n\nThe ferry\(Self.clipboard) sailed \(Self.override)at dawn.\n"
        // When decoded and parsed
        let story = ArticleParser.parse(try SourceText.decode(Data(input.utf8)), format: .article).story
        // Then the stored text is exactly as written
        #expect(story.title == "Ferry \(Self.clear)resumes")
        let lede = try #require(story.sections.first?.paragraphs.first?.text)
        #expect(lede == "The ferry\(Self.clipboard) sailed \(Self.override)at dawn.")
        // And sanitising for the screen removes every control
        #expect(TerminalText.sanitize(story.title) == "Ferry resumes")
        #expect(TerminalText.sanitize(lede) == "The ferry sailed at dawn.")
    }
}
