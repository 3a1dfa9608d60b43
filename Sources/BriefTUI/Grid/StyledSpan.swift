import BriefLayout
/// A run of text in one style.
public struct StyledSpan: Hashable, Sendable {
    public var text: String
    public var style: CellStyle

    public init(_ text: String, _ style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }

    /// Styled graphemes joined into as few spans as their styles allow, in the theme's look.
    public static func runs(_ glyphs: [StyledGrapheme], theme: Theme) -> [StyledSpan] {
        var spans: [StyledSpan] = []
        var start = 0
        // One string per run of equal styles, built once.
        while start < glyphs.count {
            let style = glyphs[start].style
            var end = start + 1
            while end < glyphs.count, glyphs[end].style == style { end += 1 }
            var text = ""
            for glyph in glyphs[start..<end] { text.append(glyph.character) }
            spans.append(StyledSpan(text, theme.style(style)))
            start = end
        }
        return spans
    }
}
