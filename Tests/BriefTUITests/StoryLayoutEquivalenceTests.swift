@testable import BriefLayout
import BriefModel
import BriefStore
import BriefTagger
@testable import BriefTUI
import Foundation
import Testing

/// The layout builds lines when they are read and measures graphemes in one byte each; these tests hold it
/// to what the straightforward layout (every grapheme styled, every line built at once, kept here as
/// `EagerLayout`) gives for the same story, width and theme.
@Suite("Story layout built on demand matches the full layout")
struct StoryLayoutEquivalenceTests {
    @Test("The sample story gives the same lines, sections and mention lines at every width")
    func sampleStoryAtEveryWidth() {
        for width in [1, 2, 3, 5, 8, 13, 20, 40, 72, 100, 200] {
            expectSame(Fixtures.arcticStory, width: width)
        }
    }

    @Test("Mixed scripts, combining marks, emoji, escapes and odd spaces give the same lines")
    func hostileAndMixedText() {
        let pieces = ["北京の外相", "Cafe\u{301}", "Zu\u{308}rich", "\u{1B}[2J", "🌍", "👩‍👩‍👧", "🇳🇴🇮🇸", "a\r\nb",
                      "\u{2028}", "\u{00A0}", "\u{3000}", "\t", "x\u{200B}y", "\u{202E}evil", "한국어", "e\u{301}\u{302}",
                      "\u{0301}lead", "Tromsø", "  ", "word-with-many-hyphens-that-runs-long", "\u{FE0F}", "☺\u{FE0F}",
                      "Москва́", "Αθήνα", "שָׁלוֹם", "مرحبا\u{0600}١", "नमस्ते क्षत्रिय", "สวัสดี", "か\u{3099}キ\u{309A}",
                      "“quoted”—dash…", "don’t", "soft\u{00AD}hyphen", "naïve ĳ ʰ ©®", "ᄀ\u{1161}\u{11A8}", "\u{200D}北", "👍🏽", "1\u{FE0F}\u{20E3}", "\u{0915}\u{094D}\u{0937}"]
        var generator = SplitMix64(seed: 11)
        for round in 0..<40 {
            var text = ""
            for _ in 0..<(5 + round % 30) {
                text += pieces[Int(generator.next() % UInt64(pieces.count))]
                text += generator.next() % 3 == 0 ? "" : " "
            }
            let stored = Self.story(text, mentionEvery: 2 + round % 4, generator: &generator)
            for width in [1, 2, 4, 7, 12, 30] { expectSame(stored, width: width) }
        }
    }

    @Test("Bad mention offsets (overlapping, reversed, past the end) are skipped the same way")
    func badMentionOffsets() {
        let text = "Ministers met in Reykjavik and Tromsø on Friday."
        let mentions = [
            Mention(start: 17, end: 26, type: .place, text: "Reykjavik", entity: "LOC:reykjavik"),
            Mention(start: 20, end: 30, type: .place, text: "overlap", entity: "LOC:x"),
            Mention(start: 40, end: 35, type: .person, text: "reversed", entity: "PER:x"),
            Mention(start: 31, end: 37, type: .place, text: "Tromsø", entity: "LOC:tromso"),
            Mention(start: 45, end: 400, type: .group, text: "past", entity: "MISC:x"),
            Mention(start: 0, end: 1, type: .group, text: "early", entity: "MISC:y"),
        ]
        let story = Story(title: "Bad offsets", sections: [Section(kind: .body, paragraphs: [Paragraph(text: text, mentions: mentions)])])
        let stored = StoredStory(summary: Fixtures.arctic, story: story)
        for width in [3, 10, 25, 80] { expectSame(stored, width: width) }
    }

    @Test("A long story of a thousand paragraphs gives the same lines at three widths")
    func longStory() {
        var paragraphs: [Paragraph] = []
        for i in 0..<1000 {
            let text = "In round \(i) the delegates from Tromsø argued at length about quotas until the Arctic Council asked for a pause."
            paragraphs.append(Paragraph(text: text, mentions: [
                Fixtures.mention("Tromsø", in: text, .place, "LOC:tromso"),
                Fixtures.mention("Arctic Council", in: text, .organisation, "ORG:arctic-council"),
            ]))
        }
        let sections = stride(from: 0, to: 1000, by: 10).map {
            Section(kind: .body, title: "Round \($0 / 10)", paragraphs: Array(paragraphs[$0..<$0 + 10]))
        }
        let stored = StoredStory(summary: Fixtures.arctic, story: Story(title: "Long talks", sections: sections,
                                                                        quotes: [Quote(text: "Again", speaker: "a delegate")]))
        for width in [20, 60, 100] { expectSame(stored, width: width) }
    }

    @Test("The block of a line, read without building the line, is the built line's block")
    func blockOfLine() {
        let layout = Fixtures.layout(Fixtures.arcticStory, width: 30)
        for index in layout.lines.indices {
            #expect(layout.lines.block(ofLine: index) == layout.lines[index].block)
        }
    }

    // MARK: - Helpers

    private func expectSame(_ stored: StoredStory, width: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let layout = Fixtures.layout(stored, width: width)
            let expected = EagerLayout(stored, width: width)
            #expect(Array(layout.lines) == expected.lines, "width \(width)", sourceLocation: sourceLocation)
            #expect(layout.sectionStarts == expected.sectionStarts, "width \(width)", sourceLocation: sourceLocation)
            #expect(layout.mentions == expected.mentions, "width \(width)", sourceLocation: sourceLocation)
            for block in 0..<(expected.lines.last?.block ?? 0) + 2 {
                #expect(layout.firstLine(ofBlock: block) == expected.firstLine(ofBlock: block),
                        "width \(width) block \(block)", sourceLocation: sourceLocation)
            }
        }
    }

    /// One paragraph of `text` with a mention on every `mentionEvery`-th word (scalar offsets).
    private static func story(_ text: String, mentionEvery: Int, generator: inout SplitMix64) -> StoredStory {
        var mentions: [Mention] = []
        var position = 0
        var word = 0
        var start: Int?
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let isSpace = scalar == " "
            if !isSpace, start == nil { start = index }
            if isSpace || index == scalars.count - 1, let from = start {
                let end = isSpace ? index : index + 1
                if word % mentionEvery == 0, from >= position {
                    let type = EntityType.allCases[Int(generator.next() % 4)]
                    mentions.append(Mention(start: from, end: end, type: type, text: "w\(word)", entity: "X:\(word)"))
                    position = end
                }
                word += 1
                start = nil
            }
        }
        let story = Story(title: "Mixed " + text.prefix(12), dateline: Dateline(places: ["OSLO"], agency: nil),
                          sections: [Section(kind: .body, title: "Heading \u{1B}]0;x\u{7}", paragraphs: [
                              Paragraph(text: text, mentions: mentions), Paragraph(text: ""), Paragraph(text: "  "),
                          ]), Section(kind: .turn, title: "SPEAKER", paragraphs: [Paragraph(text: text)])],
                          quotes: [Quote(text: text, speaker: "someone")])
        return StoredStory(summary: Fixtures.arctic, story: story)
    }
}
