/// Word-wraps styled text to a width in display columns. Spaces at a break are dropped; a word longer than
/// the width is broken between graphemes; a wide grapheme never straddles the edge.
public enum TextWrapper {
    /// Lines of at most `width` columns (at least one line, possibly empty).
    public static func wrap(_ glyphs: [StyledGrapheme], width: Int) -> [[StyledGrapheme]] {
        let width = max(1, width)
        var lines: [[StyledGrapheme]] = []
        var line: [StyledGrapheme] = []
        var lineWidth = 0
        var pendingSpace: [StyledGrapheme] = []

        func breakLine() {
            lines.append(line)
            line = []
            lineWidth = 0
            pendingSpace = []
        }

        var index = 0
        while index < glyphs.count {
            let glyph = glyphs[index]
            if glyph.isLineBreak {
                breakLine()
                index += 1
                continue
            }
            if glyph.isSpace {
                if !line.isEmpty { pendingSpace.append(glyph) }
                index += 1
                continue
            }
            var end = index
            while end < glyphs.count, !glyphs[end].isSpace { end += 1 }
            let word = glyphs[index..<end]
            let wordWidth = word.reduce(0) { $0 + $1.width }
            let spaceWidth = pendingSpace.reduce(0) { $0 + $1.width }
            if lineWidth + spaceWidth + wordWidth <= width {
                line += pendingSpace
                line += word
                lineWidth += spaceWidth + wordWidth
                pendingSpace = []
            } else if wordWidth <= width {
                breakLine()
                line += word
                lineWidth = wordWidth
            } else {
                // Too long for any line: start it on a fresh line and cut it wherever the edge falls.
                if !line.isEmpty { breakLine() }
                for piece in word {
                    if lineWidth + piece.width > width, !line.isEmpty { breakLine() }
                    line.append(piece)
                    lineWidth += piece.width
                }
            }
            pendingSpace = []
            index = end
        }
        lines.append(line)
        return lines
    }

    /// Wraps plain text, returning the lines as strings (sanitised for the terminal).
    public static func wrap(_ text: String, width: Int) -> [String] {
        wrap(StyledGrapheme.run(text), width: width).map { String($0.map(\.character)) }
    }
}
