/// Where grapheme breaking can be skipped: a scalar from scripts and blocks with no prepended characters,
/// followed by ASCII, the end of the text, or a CJK ideograph, kana letter or Hangul syllable, is a whole
/// grapheme on its own (Unicode's rules join a scalar to the next only when this one is a prepended mark
/// or the next is an extending or spacing mark, a joiner, or a matching Hangul jamo or regional indicator).
enum SimpleScalar {
    /// True when `scalar`, followed by `next` (nil at the end of the text), is a grapheme by itself.
    static func standsAlone(_ scalar: UInt32, before next: UInt32?) -> Bool {
        isSafeFirst(scalar) && (next.map(isSafeNext) ?? true)
    }

    /// Latin, Greek, Cyrillic, Armenian and Hebrew; punctuation and symbols; CJK, kana and Hangul syllables;
    /// fullwidth forms. None of these blocks holds a prepended character.
    private static func isSafeFirst(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x80..<0x0600, 0x2000...0x2BFF, 0x3000...0xD7FF, 0xFF00...0xFFEF: true
        default: false
        }
    }

    /// ASCII (never extends a grapheme), and letters of CJK, kana and Hangul that never join what is before.
    private static func isSafeNext(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0..<0x80, 0x3041...0x3096, 0x30A1...0x30FA, 0x4E00...0x9FFF, 0xAC00...0xD7A3: true
        default: false
        }
    }
}
