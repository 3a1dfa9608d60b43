@testable import BriefLayout
import BriefModel
import BriefTagger
import Foundation
import Testing

/// `brief show` prints the reader's story layout without styles; these tests hold the plain format to the
/// screen's blocks and to what plain text marks in words.
@Suite("One story layout for the reader and for plain text")
struct StoryPlainTextTests {
    /// 2026-11-28 09:00 UTC.
    static let day = Date(timeIntervalSince1970: 1_795_856_400)

    static let lede = "Envoys from the Harbour League met in Valletta on Friday to settle ferry quotas."

    static var story: Story {
        Story(
            title: "Ferry quotas settled in Valletta",
            dateline: Dateline(places: ["VALLETTA", "GOZO"], agency: "Brief Wire"),
            sections: [
                Section(kind: .lede, paragraphs: [Paragraph(text: lede, mentions: [
                    Mention(start: 16, end: 30, type: .organisation, text: "Harbour League", entity: "ORG:harbour-league"),
                    Mention(start: 38, end: 46, type: .place, text: "Valletta", entity: "LOC:valletta"),
                ])]),
                Section(kind: .body, title: "Next steps", paragraphs: [
                    Paragraph(text: "Talks resume in spring.\nA draft follows."),
                    Paragraph(text: "  Indented as written."),
                ]),
                Section(kind: .turn, title: "MS VELLA", paragraphs: [Paragraph(text: "No comment."), Paragraph(text: "Thank you.")]),
            ],
            quotes: [Quote(text: "One ticket for the whole route", speaker: "a minister"), Quote(text: "Soon", speaker: nil)],
            entities: [
                Entity(key: "LOC:valletta", name: "Valletta", type: .place, mentions: 1),
                Entity(key: "ORG:harbour-league", name: "Harbour League", type: .organisation, mentions: 3),
            ])
    }

    @Test("Plain text is the story's blocks in reading order, marked in words where the screen uses styles")
    func plainTextOfAStory() {
        let text = StoryLayout(Self.story, date: Self.day, format: .plain(source: "Harbour Desk")).plainText
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false) == [
            "Ferry quotas settled in Valletta",
            "VALLETTA · GOZO · Brief Wire · 2026-11-28 · Harbour Desk",
            "",
            Substring(Self.lede),
            "",
            "## Next steps",
            "",
            "Talks resume in spring.",
            "A draft follows.",
            "",
            "  Indented as written.",
            "",
            "MS VELLA: No comment.",
            "",
            "Thank you.",
            "",
            "Quotes",
            "  “One ticket for the whole route” — a minister",
            "  “Soon”",
            "",
            "Entities",
            "  Harbour League (ORG, 3×)",
            "  Valletta (LOC, 1×)",
        ])
    }

    @Test("The headline and dateline read the same on screen and in plain text, where plain adds the source")
    func sameHeadlineAndDateline() {
        let screen = StoryLayout(Self.story, date: Self.day, width: 200)
        let plain = StoryLayout(Self.story, date: Self.day, format: .plain(source: "Harbour Desk"))
        #expect(screen.lines.text(ofLine: 0) == plain.lines.text(ofLine: 0))
        #expect(plain.lines.text(ofLine: 1) == screen.lines.text(ofLine: 1) + " · Harbour Desk")
    }

    @Test("On screen a heading is styled rather than marked, and a mention carries its entity type")
    func screenStyles() throws {
        let screen = StoryLayout(Self.story, date: Self.day, width: 200)
        let heading = try #require(screen.lines.indices.first { screen.lines.text(ofLine: $0) == "Next steps" })
        #expect(screen.lines[heading].glyphs.allSatisfy { $0.style == TextStyle(.sectionHeading) })
        let mention = screen.lines.indices.flatMap { screen.lines[$0].glyphs }.filter { $0.mention == 0 }
        #expect(String(mention.map(\.character)) == "Harbour League")
        #expect(mention.allSatisfy { $0.style == TextStyle(.plain, entity: .organisation) })
    }

    @Test("Plain text is never wrapped and keeps no terminal controls")
    func unwrappedAndSanitised() {
        let long = String(repeating: "word ", count: 60) + "\u{1B}[2Jend\u{202E}"
        let story = Story(title: "Long\u{07}", sections: [Section(kind: .body, paragraphs: [Paragraph(text: long)])])
        let text = StoryLayout(story, date: Self.day, format: .plain(source: "x")).plainText
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)
        #expect(lines[3] == Substring(String(repeating: "word ", count: 60) + "end"))
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
    }
}
