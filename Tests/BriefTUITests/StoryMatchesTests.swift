@testable import BriefLayout
import BriefModel
import BriefStore
@testable import BriefTUI
import Testing

/// The layout finds in-story matches from its own text; they must be the matches found by reading every
/// built line's graphemes, as the story search does.
@Suite("Finding text in a laid-out story")
struct StoryMatchesTests {
    @Test("Matches from the layout's text are the matches found in the built lines, in every case and script")
    func sameAsBuiltLines() {
        let texts = ["Arctic Council met in REYKJAVIK; the council's council met.", "Zu\u{308}rich zürich ZÜRICH İstanbul istanbul",
                     "北京の外相 北京 aaa aaaa", "Straße STRASSE strasse", "Ünïcödé ünïcödé 🌍 🌍🌍"]
        let sections = texts.map { Section(kind: .body, paragraphs: [Paragraph(text: $0)]) }
        let stored = StoredStory(summary: Fixtures.arctic, story: Story(title: "Council and council", sections: sections))
        for width in [7, 20, 80] {
            let layout = Fixtures.layout(stored, width: width)
            for query in ["council", "COUNCIL", "c", "aa", "zürich", "zu\u{308}rich", "北京", "strasse", "🌍", "istanbul",
                          "ünïcödé", "xyz", "met."] {
                #expect(layout.matches(of: query) == Self.matchesInBuiltLines(query, layout), "\(query) at \(width)")
            }
        }
    }

    @Test("An empty query finds nothing")
    func emptyQuery() {
        #expect(Fixtures.layout(Fixtures.arcticStory, width: 40).matches(of: "").isEmpty)
    }

    @Test("Accents and case fold as in library search: orban finds Orbán, ORBÁN finds orban")
    func foldsAccents() {
        let text = "Viktor Orbán met the orban delegation."
        let stored = StoredStory(summary: Fixtures.grain, story: Story(title: "Talks", sections: [
            Section(kind: .body, paragraphs: [Paragraph(text: text)])]))
        let layout = Fixtures.layout(stored, width: 60)
        #expect(layout.matches(of: "orban").count == 2)
        #expect(layout.matches(of: "ORBÁN").count == 2)
        let shown = Fixtures.apply(Fixtures.openState(stored), .search, .typed("o"), .typed("r"), .typed("b"),
                                   .typed("a"), .typed("n"), .submit)
        #expect(shown.page?.matches.count == 2)
    }

    /// The search as it reads built lines: each grapheme folded, compared left to right.
    private static func matchesInBuiltLines(_ text: String, _ layout: StoryLayout) -> [StoryMatch] {
        let needle = text.map(StoryLines.folded)
        var matches: [StoryMatch] = []
        for (number, line) in layout.lines.enumerated() where line.glyphs.count >= needle.count {
            let hay = line.glyphs.map { StoryLines.folded($0.character) }
            var start = 0
            while start + needle.count <= hay.count {
                if Array(hay[start..<start + needle.count]) == needle {
                    matches.append(StoryMatch(line: number, start: start, end: start + needle.count))
                    start += needle.count
                } else {
                    start += 1
                }
            }
        }
        return matches
    }
}
