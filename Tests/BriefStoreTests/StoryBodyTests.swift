import Foundation
import Testing
@testable import BriefStore

@Suite("Story bodies")
struct StoryBodyTests {
    /// A wire story's paragraphs and its original: a headline, a dateline before the lede, blank lines, a heading and
    /// a paragraph the parser tidied (its double space), so that not every paragraph is in the original verbatim.
    private static func wireStory() -> (parts: [StoryBody.Part], original: String) {
        let paragraphs = [
            "Foreign ministers of the Nile Basin states met in Kampala on Tuesday to settle a water-sharing timetable.",
            "“We have waited long enough,” said Amara Obuya, Uganda’s deputy minister for water. 🌊",
            "The talks resume in Addis Ababa next month, the secretariat said.",
            "Delegates agreed to publish the gauges' readings every week.",
        ]
        let original = """
            Nile Basin ministers agree timetable

            KAMPALA (Brief) - \(paragraphs[0])

            \(paragraphs[1])

            ## Next steps

            \(paragraphs[2])

            Delegates agreed to publish the  gauges' readings every week.
            """
        let parts = [
            StoryBody.Part(title: nil, paragraphs: [.init(text: paragraphs[0], mentions: "0,5,ORG,0"),
                                                    .init(text: paragraphs[1], mentions: nil)]),
            StoryBody.Part(title: "Next steps", paragraphs: [.init(text: paragraphs[2], mentions: nil),
                                                             .init(text: paragraphs[3], mentions: "0,9,MISC,1")]),
        ]
        return (parts, original)
    }

    @Test("An original holding its paragraphs is kept as references to them, and reads back byte for byte")
    func originalByReference() throws {
        // Given a story whose paragraphs are (all but one) in its original
        let (parts, original) = Self.wireStory()

        // When its body is written
        let blob = StoryBody.encode(sections: parts, original: original)

        // Then the original is kept as text between references, not a second time
        let records = try #require(DeflatedText.expand(blob))
        let text = String(decoding: records, as: UTF8.self)
        #expect(text.contains("D") && !text.contains("O\(original.utf8.count):"))
        #expect(records.count < original.utf8.count + 200)
        // And it decodes to the same sections and original, and each paragraph and the search text read back
        let contents = try #require(StoryBody.decode(blob))
        #expect(contents.sections == parts.map(\.paragraphs))
        #expect(contents.original == original)
        for (index, paragraph) in parts.flatMap(\.paragraphs).enumerated() {
            #expect(StoryBody.paragraph(blob, at: index) == paragraph.text)
        }
        #expect(StoryBody.paragraph(blob, at: 4) == nil)
        #expect(StoryBody.searchText(blob)?.split(separator: "\n").count == 5)
        #expect(StoryBody.turn(blob, section: 1)?.before == 2)
    }

    @Test("An original with none of its paragraphs in it is kept whole; both forms are read")
    func originalWhole() throws {
        // Given paragraphs the parser joined from hard-wrapped lines, so none is in the original as it is
        let paragraphs = (0..<50).map { "Paragraph \($0) of the talks in Tromsø, where the ministers met again today." }
        let original = paragraphs.map { $0.replacingOccurrences(of: " where", with: "\nwhere") }.joined(separator: "\n\n")
        let parts = [StoryBody.Part(title: nil, paragraphs: paragraphs.map { .init(text: $0, mentions: nil) })]

        // When its body is written, then the original is an `O` record and reads back whole
        let blob = StoryBody.encode(sections: parts, original: original)
        let records = String(decoding: try #require(DeflatedText.expand(blob)), as: UTF8.self)
        #expect(records.contains("O\(original.utf8.count):"))
        #expect(StoryBody.decode(blob)?.original == original)
        #expect(StoryBody.paragraph(blob, at: 49) == paragraphs[49])
    }

    @Test("A damaged reference is refused, never a trap")
    func damagedReference() throws {
        // Given a body whose original refers to a paragraph it does not have, and one whose records are cut short
        let records = Array("P28:The talks resume next month.D10:G2:\n\nU2:12".utf8)
        let blob = try #require(DeflatedText.compress(records))
        let cut = try #require(DeflatedText.compress(Array("P28:The talks resume next month.D8:G2:\n\nU2:".utf8)))
        let other = try #require(DeflatedText.compress(Array("P28:The talks resume next month.D4:X1:a".utf8)))

        // Then they decode to nil, and the paragraph before the original still reads
        #expect(StoryBody.decode(blob) == nil)
        #expect(StoryBody.decode(cut) == nil)
        #expect(StoryBody.decode(other) == nil)
        #expect(StoryBody.paragraph(blob, at: 0) == "The talks resume next month.")
        // And the same record with a paragraph that exists reads back
        let good = try #require(DeflatedText.compress(Array("P28:The talks resume next month.D9:G2:\n\nU1:0".utf8)))
        #expect(StoryBody.decode(good)?.original == "\n\nThe talks resume next month.")
    }
}
