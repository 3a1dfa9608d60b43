import Foundation

/// A story's laid-out lines, each built when it is read: the layout keeps only where every line starts and
/// ends, so a long story costs the screen's lines per frame, not a styled copy of all its text.
public struct StoryLines: RandomAccessCollection, Hashable, Sendable {
    /// Each block's pieces (headline, dateline, legend, heading, paragraph or quote), by block number.
    var blocks: [[LayoutRun]] = []
    var spans: [LineSpan] = []

    public var startIndex: Int { 0 }
    public var endIndex: Int { spans.count }

    /// The line at `position` (which must be a valid index, as for an array).
    public subscript(position: Int) -> StoryLine {
        let span = spans[position]
        return StoryLine(glyphs: glyphs(of: span), block: span.block)
    }

    /// The block the line at `position` belongs to, without building the line.
    public func block(ofLine position: Int) -> Int { spans[position].block }

    /// Whether the line at `position` shows nothing.
    func isBlank(_ position: Int) -> Bool { spans[position].start == spans[position].end }

    private func glyphs(of span: LineSpan) -> [StyledGrapheme] {
        var glyphs: [StyledGrapheme] = []
        forEachPiece(of: span) { piece, run in StyledGrapheme.append(piece, run.style, mention: run.mention, to: &glyphs) }
        return glyphs
    }

    /// The text of the line at `position`, without styles (built from the layout's pieces, not graphemes).
    public func text(ofLine position: Int) -> String {
        var text = ""
        forEachPiece(of: spans[position]) { piece, _ in text += piece }
        return text
    }

    /// Calls `body` with the part of each of the block's pieces that the line `span` shows, in order.
    private func forEachPiece(of span: LineSpan, _ body: (Substring, LayoutRun) -> Void) {
        guard span.start < span.end, blocks.indices.contains(span.block) else { return }
        for run in blocks[span.block] where run.end > span.start && run.start < span.end {
            let utf8 = run.text.utf8
            let from = utf8.index(utf8.startIndex, offsetBy: Swift.max(span.start, run.start) - run.start)
            let to = utf8.index(utf8.startIndex, offsetBy: Swift.min(span.end, run.end) - run.start)
            body(run.text[from..<to], run)
        }
    }

    /// Puts the line's bytes, lowercased, into `bytes` when the line is all printable ASCII; else false.
    func lowercasedASCII(of span: LineSpan, into bytes: inout [UInt8]) -> Bool {
        bytes.removeAll(keepingCapacity: true)
        guard span.start < span.end, blocks.indices.contains(span.block) else { return true }
        for run in blocks[span.block] where run.end > span.start && run.start < span.end {
            let from = Swift.max(span.start, run.start) - run.start, to = Swift.min(span.end, run.end) - run.start
            let ascii: Bool? = run.text.utf8.withContiguousStorageIfAvailable { all in
                let piece = all[from..<to]
                guard piece.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return false }
                for byte in piece { bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
                return true
            }
            if ascii != true { return false }
        }
        return true
    }

    /// Calls `body` with each grapheme of the line `span` shows, lowercased (as `Character(c.lowercased())`).
    /// `character` as searches compare it: lower case, accents dropped (`Á` → `a`), one character for one so
    /// positions stay those of the text.
    static func folded(_ character: Character) -> Character {
        let folded = String(character).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        if folded.count == 1, let first = folded.first { return first }
        let lowered = character.lowercased()
        return lowered.count == 1 ? lowered.first ?? character : character
    }

    func forEachCharacter(of span: LineSpan, _ body: (Character) -> Void) {
        forEachPiece(of: span) { piece, _ in
            let ascii: Bool? = piece.utf8.withContiguousStorageIfAvailable { bytes in
                guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return false }
                for byte in bytes {
                    body(Character(Unicode.Scalar(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)))
                }
                return true
            }
            if ascii == true { return }
            for character in piece { body(StoryLines.folded(character)) }
        }
    }
}
