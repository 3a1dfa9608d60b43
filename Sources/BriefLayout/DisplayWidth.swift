/// How many terminal columns text takes: wide East Asian and emoji graphemes take 2, combining marks and
/// format characters take 0, everything else 1. Layout counts columns with this, never characters.
public enum DisplayWidth {
    /// Columns taken by one grapheme (0, 1 or 2).
    public static func of(_ grapheme: Character) -> Int {
        // Most story text is ASCII: answer it from its one byte, without looking up Unicode properties
        // (CR LF, two bytes, is a control like each of its halves: 0 columns below).
        let utf8 = grapheme.utf8
        if utf8.count == 1, let byte = utf8.first { return byte >= 0x20 && byte != 0x7F ? 1 : 0 }
        let scalars = grapheme.unicodeScalars
        // An emoji presentation selector makes a text-default emoji (e.g. ☺︎ vs ☺️) take two columns.
        if scalars.contains(where: { $0.value == 0xFE0F }),
           scalars.contains(where: { $0.properties.isEmoji }) {
            return 2
        }
        for scalar in scalars {
            let width = of(scalar)
            if width > 0 { return width }
        }
        return 0
    }

    /// Columns taken by text, summed over its graphemes.
    public static func of(_ text: String) -> Int {
        // Printable ASCII takes a column a byte.
        if let printable = text.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }), printable {
            return text.utf8.count
        }
        return text.reduce(0) { $0 + of($1) }
    }

    /// Columns taken by one scalar on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            break
        }
        // Hangul medial vowels and final consonants combine with the syllable before them.
        if (0x1160...0x11FF).contains(value) || value == 0x200B { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return isWide(value) ? 2 : 1
    }

    /// East Asian Wide and Fullwidth blocks (Unicode's EastAsianWidth W and F, coarsely by block).
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F,        // Hangul Jamo initial consonants
             0x2329...0x232A,        // angle brackets
             0x2E80...0x303E,        // CJK radicals, Kangxi, ideographic description, CJK symbols
             0x3041...0x33FF,        // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
             0x3400...0x4DBF,        // CJK extension A
             0x4E00...0x9FFF,        // CJK unified ideographs
             0xA000...0xA4CF,        // Yi
             0xA960...0xA97F,        // Hangul Jamo extended A
             0xAC00...0xD7A3,        // Hangul syllables
             0xF900...0xFAFF,        // CJK compatibility ideographs
             0xFE10...0xFE19,        // vertical forms
             0xFE30...0xFE6F,        // CJK compatibility forms, small form variants
             0xFF00...0xFF60,        // fullwidth forms
             0xFFE0...0xFFE6,        // fullwidth signs
             0x1B000...0x1B2FF,      // Kana supplement and extensions
             0x1F300...0x1F64F,      // pictographs and emoticons
             0x1F900...0x1F9FF,      // supplemental symbols and pictographs
             0x20000...0x2FFFD,      // CJK extensions B–F
             0x30000...0x3FFFD:      // CJK extension G and beyond
            return true
        default:
            return false
        }
    }
}
