import Foundation

/// A piece of an item's text as the feed gave it: HTML to be flattened, or plain text.
public enum FeedContent: Hashable, Sendable, Codable {
    case html(String)
    case text(String)

    /// `content`, or nil when its text is only whitespace.
    static func nonEmpty(_ content: FeedContent) -> FeedContent? {
        switch content {
        case .html(let raw), .text(let raw): return raw.contains(where: { !$0.isWhitespace }) ? content : nil
        }
    }

    /// The blocks of this content: HTML is flattened by `HTMLText`; plain text is split at blank lines, and the
    /// lines of one paragraph are kept as line breaks.
    public var blocks: [HTMLBlock] {
        switch self {
        case .html(let html):
            return HTMLText.blocks(html)
        case .text(let text):
            var blocks: [HTMLBlock] = []
            var lines: [String] = []
            func endParagraph() {
                if !lines.isEmpty { blocks.append(HTMLBlock(kind: .paragraph, text: lines.joined(separator: "\n"))) }
                lines.removeAll()
            }
            for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { endParagraph() } else { lines.append(trimmed) }
            }
            endParagraph()
            return blocks
        }
    }
}
