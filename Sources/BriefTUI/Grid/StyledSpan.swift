/// A run of text in one style.
public struct StyledSpan: Hashable, Sendable {
    public var text: String
    public var style: CellStyle

    public init(_ text: String, _ style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }

    /// Styled graphemes joined into as few spans as their styles allow.
    public static func runs(_ glyphs: [StyledGrapheme]) -> [StyledSpan] {
        var spans: [StyledSpan] = []
        for glyph in glyphs {
            if let last = spans.last, last.style == glyph.style {
                spans[spans.count - 1].text.append(glyph.character)
            } else {
                spans.append(StyledSpan(String(glyph.character), glyph.style))
            }
        }
        return spans
    }
}
