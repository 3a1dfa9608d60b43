import BriefModel
/// One grapheme on its way to the screen, with its width, style, and the mention it belongs to (if any).
public struct StyledGrapheme: Hashable, Sendable {
    public var character: Character
    public var width: Int
    public var style: CellStyle
    /// The story-wide number of the mention this grapheme is part of, so focus can highlight it.
    public var mention: Int?

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
