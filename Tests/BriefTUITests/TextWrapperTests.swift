import Testing
@testable import BriefLayout
@testable import BriefTUI

@Suite("Word wrapping by display columns")
struct TextWrapperTests {
    @Test("Words wrap at the last space that fits and the space is dropped")
    func wrapsAtSpaces() {
        let lines = TextWrapper.wrap("Ministers met in Reykjavik on Friday", width: 16)
        #expect(lines == ["Ministers met in", "Reykjavik on", "Friday"])
    }

    @Test("A word longer than the width is broken between graphemes")
    func breaksLongWords() {
        let lines = TextWrapper.wrap("Circumpolar", width: 4)
        #expect(lines == ["Circ", "umpo", "lar"])
    }

    @Test("CJK text wraps by columns and a wide character never straddles the edge")
    func wrapsCJK() {
        // Given 5 ideographs (10 columns) and a width of 5 columns
        let lines = TextWrapper.wrap("北京上海广", width: 5)
        // Then each line holds two ideographs (4 columns): a third would need 6
        #expect(lines == ["北京", "上海", "广"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 5 })
    }

    @Test("Combining marks stay on their letter and do not count towards the width")
    func keepsCombiningMarks() {
        let text = "cafe\u{301} cafe\u{301} cafe\u{301}"
        let lines = TextWrapper.wrap(text, width: 9)
        #expect(lines == ["cafe\u{301} cafe\u{301}", "cafe\u{301}"])
    }

    @Test("Wrapped lines never exceed the width, even at one column")
    func neverExceedsWidth() {
        let text = "Ankara 北京 Zürich e\u{301}e\u{301} 🌍🌍 done"
        for width in 1...20 {
            let lines = TextWrapper.wrap(text, width: width)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= max(width, 2) }, "width \(width)")
            #expect(lines.joined().filter { !$0.isWhitespace } == text.filter { !$0.isWhitespace })
        }
    }
}

extension TextWrapperTests {
    @Test("Wrapping styled graphemes gives the lines the grapheme-by-grapheme wrapper gives")
    func sameAsEagerWrap() {
        let texts = ["Ministers met in Reykjavik on Friday", "   leading and trailing   ", "a\nb\n\nc", "北京上海广 北京",
                     "Circumpolar Circumpolar x", "e\u{301}e\u{301} 🌍🌍 \u{3000}wide space", "", " ", "a\r\nb c\u{2028}d",
                     "supercalifragilistic a b supercalifragilistic"]
        for text in texts {
            let glyphs = text.map { StyledGrapheme($0) }
            for width in 1...24 {
                #expect(TextWrapper.wrap(glyphs, width: width) == EagerLayout.wrap(glyphs, width: width),
                        "\(text.debugDescription) at \(width)")
            }
        }
    }
}
