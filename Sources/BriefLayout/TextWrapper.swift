/// Word-wraps styled text to a width in display columns. Spaces at a break are dropped; a word longer than
/// the width is broken between graphemes; a wide grapheme never straddles the edge.
public enum TextWrapper {
    /// Lines of at most `width` columns (at least one line, possibly empty).
    public static func wrap(_ glyphs: [StyledGrapheme], width: Int) -> [[StyledGrapheme]] {
        let metrics = glyphs.map { GraphemeMetrics(width: $0.width, isSpace: $0.isSpace, isLineBreak: $0.isLineBreak) }
        var ranges: [Range<Int>] = []
        metrics.withUnsafeBufferPointer { lineRanges($0, width: width, into: &ranges) }
        return ranges.map { Array(glyphs[$0]) }
    }

    /// Wraps plain text, returning the lines as strings (sanitised for the terminal).
    public static func wrap(_ text: String, width: Int) -> [String] {
        wrap(StyledGrapheme.run(text), width: width).map { String($0.map(\.character)) }
    }

    /// The lines of text that is not wrapped: broken at its line breaks only, every space kept.
    static func hardLineRanges(_ metrics: UnsafeBufferPointer<GraphemeMetrics>, into lines: inout [Range<Int>]) {
        var start = 0
        for index in metrics.indices where metrics[index].isLineBreak {
            lines.append(start..<index)
            start = index + 1
        }
        lines.append(start..<metrics.count)
    }

    /// The wrapping itself, on grapheme measures only: appends to `lines` the range of graphemes each line
    /// holds (at least one line, possibly empty). A line is always one unbroken run of graphemes, since only
    /// spaces at its ends are ever left out; an empty line's range is empty.
    static func lineRanges(_ metrics: UnsafeBufferPointer<GraphemeMetrics>, width: Int, into lines: inout [Range<Int>]) {
        let width = max(1, width)
        let count = metrics.count
        var hasLine = false
        var lineStart = 0
        var lineEnd = 0
        var lineWidth = 0
        // Columns of the spaces since the line's last word (only counted while the line holds something).
        var pendingWidth = 0

        func breakLine(at position: Int) {
            lines.append(hasLine ? lineStart..<lineEnd : position..<position)
            hasLine = false
            lineWidth = 0
            pendingWidth = 0
        }

        var index = 0
        while index < count {
            let metric = metrics[index]
            if metric.isLineBreak {
                breakLine(at: index)
                index += 1
                continue
            }
            if metric.isSpace {
                if hasLine { pendingWidth += metric.width }
                index += 1
                continue
            }
            var end = index
            var wordWidth = 0
            while end < count, !metrics[end].isSpace {
                wordWidth += metrics[end].width
                end += 1
            }
            if lineWidth + pendingWidth + wordWidth <= width {
                if !hasLine { lineStart = index }
                hasLine = true
                lineEnd = end
                lineWidth += pendingWidth + wordWidth
            } else if wordWidth <= width {
                breakLine(at: index)
                hasLine = true
                lineStart = index
                lineEnd = end
                lineWidth = wordWidth
            } else {
                // Too long for any line: start it on a fresh line and cut it wherever the edge falls.
                if hasLine { breakLine(at: index) }
                for piece in index..<end {
                    let pieceWidth = metrics[piece].width
                    if lineWidth + pieceWidth > width, hasLine { breakLine(at: piece) }
                    if !hasLine { lineStart = piece }
                    hasLine = true
                    lineEnd = piece + 1
                    lineWidth += pieceWidth
                }
            }
            pendingWidth = 0
            index = end
        }
        breakLine(at: count)
    }
}
