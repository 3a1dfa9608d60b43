import Testing
@testable import BriefLayout

@Suite("Display width counts terminal columns, not characters")
struct DisplayWidthTests {
    @Test("ASCII, accented and Cyrillic letters take one column each")
    func narrowLetters() {
        #expect(DisplayWidth.of("Lavrov") == 6)
        #expect(DisplayWidth.of("Zürich") == 6)
        #expect(DisplayWidth.of("Лавров") == 6)
    }

    @Test("CJK ideographs, kana, Hangul and fullwidth forms take two columns each")
    func wideScripts() {
        #expect(DisplayWidth.of("北京") == 4)
        #expect(DisplayWidth.of("とうきょう") == 10)
        #expect(DisplayWidth.of("서울") == 4)
        #expect(DisplayWidth.of("ＡＢ") == 4)
    }

    @Test("Combining marks add no width to the letter they sit on")
    func combiningMarks() {
        // Given "e" followed by a combining acute accent, and "a" with a combining ring below
        let decomposed = "Cafe\u{301} a\u{325}"
        // Then the accents take no columns
        #expect(DisplayWidth.of(decomposed) == 6)
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
    }

    @Test("Emoji with emoji presentation take two columns, zero-width characters none")
    func emojiAndZeroWidth() {
        #expect(DisplayWidth.of(Character("🌍")) == 2)
        #expect(DisplayWidth.of(Character("☺\u{FE0F}")) == 2)
        #expect(DisplayWidth.of(Character("👩‍💼")) == 2)
        #expect(DisplayWidth.of("\u{200B}") == 0)
        #expect(DisplayWidth.of("a\u{AD}b") == 2)
    }
}

extension DisplayWidthTests {
    @Test("Measuring a lone scalar by its block gives what the grapheme's own width and space tests give")
    func singleScalarMeasuresMatch() {
        // Given every scalar of Latin-1, Latin Extended, kana, the CJK ideographs and the Hangul syllables
        let ranges: [ClosedRange<UInt32>] = [0xA0...0x2FF, 0x3041...0x3096, 0x30A1...0x30FA, 0x4E00...0x9FFF, 0xAC00...0xD7A3]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let character = Character(scalar)
                // Then the quick measure is the full one
                #expect(GraphemeMetrics(single: value) == GraphemeMetrics(character), "U+\(String(value, radix: 16))")
                if GraphemeMetrics(single: value) != GraphemeMetrics(character) { return }
            }
        }
    }
}
