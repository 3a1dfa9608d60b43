import BriefModel
/// One grapheme on its way to the screen, with its width, style, and the mention it belongs to (if any).
public struct StyledGrapheme: Hashable, Sendable {
    public var character: Character
    public var width: Int
    public var style: CellStyle
    /// The story-wide number of the mention this grapheme is part of, so focus can highlight it.
    public var mention: Int?

    /// Whitespace (where lines may break), answered without Unicode tables for ASCII.
    var isSpace: Bool {
        if let ascii = character.asciiValue { return ascii == 0x20 || ascii == 0x0A || ascii == 0x09 || ascii == 0x0D }
        return character.isWhitespace
    }

    /// A hard line break.
    var isLineBreak: Bool {
        guard let ascii = character.asciiValue else { return character == "\r\n" || character == "\u{2028}" }
        return ascii == 0x0A || ascii == 0x0D
    }

    public init(_ character: Character, style: CellStyle = .plain, mention: Int? = nil) {
        self.character = character
        width = DisplayWidth.of(character)
        self.style = style
        self.mention = mention
    }

    /// The graphemes of `text` (sanitised for the terminal) in one style.
    public static func run(_ text: String, _ style: CellStyle = .plain, mention: Int? = nil) -> [StyledGrapheme] {
        TerminalText.sanitize(text, keepNewlines: false).map { StyledGrapheme($0, style: style, mention: mention) }
    }
}
