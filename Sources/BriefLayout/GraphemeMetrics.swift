/// What wrapping needs to know of one grapheme, in one byte: its columns (0–2), whether it is a space
/// (where a line may break) and whether it is a hard line break.
struct GraphemeMetrics: Hashable, Sendable {
    private var bits: UInt8

    init(width: Int, isSpace: Bool, isLineBreak: Bool) {
        bits = UInt8(truncatingIfNeeded: min(max(width, 0), 3)) | (isSpace ? 4 : 0) | (isLineBreak ? 8 : 0)
    }

    var width: Int { Int(bits & 3) }
    var isSpace: Bool { bits & 4 != 0 }
    var isLineBreak: Bool { bits & 8 != 0 }

    /// A printable ASCII letter, digit or sign: one column, no break.
    static let asciiPrintable = GraphemeMetrics(width: 1, isSpace: false, isLineBreak: false)
    static let asciiSpace = GraphemeMetrics(width: 1, isSpace: true, isLineBreak: false)

    /// The measures of `character`, as `StyledGrapheme` would give them.
    init(_ character: Character) {
        self.init(width: DisplayWidth.of(character), isSpace: StyledGrapheme.isSpace(character),
                  isLineBreak: StyledGrapheme.isLineBreak(character))
    }

    /// The measures of a grapheme that is the one scalar `value` (not a CR before LF).
    init(single value: UInt32) {
        // Latin-1 and Latin Extended letters and signs (not the no-break space or the soft hyphen): one column.
        if value > 0xA0, value < 0x300, value != 0xAD {
            self = .asciiPrintable
            return
        }
        // Kana letters, CJK ideographs and Hangul syllables: two columns.
        switch value {
        case 0x3041...0x3096, 0x30A1...0x30FA, 0x4E00...0x9FFF, 0xAC00...0xD7A3:
            self.init(width: 2, isSpace: false, isLineBreak: false)
            return
        default:
            break
        }
        guard let scalar = Unicode.Scalar(value) else {
            self.init(width: 1, isSpace: false, isLineBreak: false)
            return
        }
        self.init(width: DisplayWidth.of(scalar), isSpace: scalar.properties.isWhitespace,
                  isLineBreak: value == 0x0A || value == 0x0D || value == 0x2028)
    }

    /// The measures of an ASCII byte that is a grapheme on its own (any byte but CR before LF).
    init(ascii byte: UInt8) {
        switch byte {
        case 0x21...0x7E: self = .asciiPrintable
        case 0x20: self = .asciiSpace
        default:
            let isBreak = byte == 0x0A || byte == 0x0D
            self.init(width: 0, isSpace: isBreak || byte == 0x09, isLineBreak: isBreak)
        }
    }
}
