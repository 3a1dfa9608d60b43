import BriefModel
/// One grapheme of laid-out text, with its width, semantic style, and the mention it belongs to (if any).
public struct StyledGrapheme: Hashable, Sendable {
    public var character: Character
    public var width: Int
    public var style: TextStyle
    /// The story-wide number of the mention this grapheme is part of, so focus can highlight it.
    public var mention: Int?

    /// Whitespace (where lines may break).
    var isSpace: Bool { Self.isSpace(character) }

    /// A hard line break.
    var isLineBreak: Bool { Self.isLineBreak(character) }

    /// Whitespace (where lines may break), answered without Unicode tables for ASCII.
    static func isSpace(_ character: Character) -> Bool {
        let utf8 = character.utf8
        if utf8.count == 1, let ascii = utf8.first { return ascii == 0x20 || ascii == 0x0A || ascii == 0x09 || ascii == 0x0D }
        return character.isWhitespace
    }

    /// A hard line break.
    static func isLineBreak(_ character: Character) -> Bool {
        // CR LF's ASCII value is LF's. U+2028 is a grapheme of its own (nothing combines with it), so its
        // first scalar tells, without comparing strings.
        guard let ascii = character.asciiValue else { return character.unicodeScalars.first?.value == 0x2028 }
        return ascii == 0x0A || ascii == 0x0D
    }

    public init(_ character: Character, style: TextStyle = .plain, mention: Int? = nil) {
        self.character = character
        width = DisplayWidth.of(character)
        self.style = style
        self.mention = mention
    }

    /// The graphemes of `text` (sanitised for the terminal) in one style.
    public static func run(_ text: String, _ style: TextStyle = .plain, mention: Int? = nil) -> [StyledGrapheme] {
        var glyphs: [StyledGrapheme] = []
        append(Substring(TerminalText.sanitize(text, keepNewlines: false)), style, mention: mention, to: &glyphs)
        return glyphs
    }

    /// Appends the graphemes of `text` (already sanitised) in one style. A printable ASCII byte before another
    /// ASCII byte is a one-column grapheme of its own, made without grapheme breaking or width tables.
    static func append(_ text: Substring, _ style: TextStyle, mention: Int?, to glyphs: inout [StyledGrapheme]) {
        let handled: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return false }
            for byte in bytes {
                glyphs.append(StyledGrapheme(character: Character(Unicode.Scalar(byte)), width: 1, style: style, mention: mention))
            }
            return true
        }
        if handled == true { return }
        for character in text { glyphs.append(StyledGrapheme(character, style: style, mention: mention)) }
    }

    /// A grapheme whose width is already known.
    private init(character: Character, width: Int, style: TextStyle, mention: Int?) {
        self.character = character
        self.width = width
        self.style = style
        self.mention = mention
    }
}
