import Foundation

/// Splits Markdown into a headline and blocks: `#` headings (the first H1 is the headline, else the first
/// line), setext headings, paragraphs (soft line breaks joined with spaces), list items (each a paragraph,
/// marker removed), `>` blockquotes as paragraphs, fenced code as a paragraph; horizontal rules and link
/// reference definitions are dropped. Inline markup is stripped with `MarkdownInline`.
enum MarkdownBlockReader {
    private enum RawKind: Equatable {
        case heading(level: Int)
        case paragraph
        case quote
        case code
    }

    private struct RawBlock {
        var kind: RawKind
        var lines: [String]
    }

    static func read(_ lines: ArraySlice<Substring>, titleOverride: String?) -> (headline: String, blocks: [SourceBlock]) {
        var raw: [RawBlock] = []
        var open: RawBlock?
        var fence: String?
        func flush() {
            if let block = open, !block.lines.isEmpty { raw.append(block) }
            open = nil
        }
        for sourceLine in lines {
            let line = String(sourceLine)
            let trimmed = ParagraphText.collapse(sourceLine)
            if let marker = fence {
                if trimmed.hasPrefix(marker) {
                    flush()
                    fence = nil
                } else {
                    open?.lines.append(trimmed)
                }
                continue
            }
            let indent = line.prefix { $0 == " " }.count
            if trimmed.isEmpty { flush(); continue }
            if indent < 4, trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flush()
                fence = String(trimmed.prefix(3))
                open = RawBlock(kind: .code, lines: [])
                continue
            }
            if indent < 4, let (level, text) = atxHeading(trimmed) {
                flush()
                raw.append(RawBlock(kind: .heading(level: level), lines: [text]))
                continue
            }
            if indent < 4, let paragraph = open, paragraph.kind == .paragraph, let level = setextLevel(trimmed) {
                open = nil
                raw.append(RawBlock(kind: .heading(level: level), lines: [paragraph.lines.joined(separator: " ")]))
                continue
            }
            if indent < 4, isRule(trimmed) { flush(); continue }
            if indent < 4, isReferenceDefinition(trimmed) { flush(); continue }
            if indent < 4, trimmed.hasPrefix(">") {
                var content = Substring(trimmed)
                while content.hasPrefix(">") { content = content.dropFirst().drop { $0 == " " } }
                if content.isEmpty { flush(); continue }
                if open?.kind != .quote { flush(); open = RawBlock(kind: .quote, lines: []) }
                open?.lines.append(String(content))
                continue
            }
            if let item = listItemText(trimmed) {
                flush()
                open = RawBlock(kind: .paragraph, lines: [item])
                continue
            }
            if open == nil { open = RawBlock(kind: .paragraph, lines: []) }
            open?.lines.append(trimmed)
        }
        flush()
        return assemble(raw, titleOverride: titleOverride)
    }

    private static func assemble(_ raw: [RawBlock], titleOverride: String?) -> (headline: String, blocks: [SourceBlock]) {
        var raw = raw
        var headline = titleOverride ?? ""
        if let h1 = raw.firstIndex(where: { $0.kind == .heading(level: 1) }) {
            if titleOverride == nil { headline = MarkdownInline.strip(raw[h1].lines[0]) }
            raw.remove(at: h1)
        } else if let first = raw.first, let firstLine = first.lines.first {
            let stripped = MarkdownInline.strip(firstLine)
            if titleOverride == nil || ParagraphText.key(stripped) == ParagraphText.key(titleOverride ?? "") {
                if titleOverride == nil { headline = stripped }
                if first.lines.count == 1 { raw.removeFirst() } else { raw[0].lines.removeFirst() }
            }
        }
        let blocks = raw.map { block -> SourceBlock in
            switch block.kind {
            case .heading:
                return SourceBlock(kind: .heading, text: MarkdownInline.strip(block.lines.joined(separator: " ")),
                                   standsAlone: true)
            case .code:
                return SourceBlock(kind: .paragraph, text: ParagraphText.collapse(block.lines.joined(separator: " ")),
                                   standsAlone: block.lines.count == 1)
            case .paragraph, .quote:
                return SourceBlock(kind: .paragraph, text: MarkdownInline.strip(block.lines.joined(separator: " ")),
                                   standsAlone: block.lines.count == 1)
            }
        }.filter { !$0.text.isEmpty || $0.kind == .heading }
        return (headline, blocks)
    }

    /// `## Title ##` → (2, "Title").
    private static func atxHeading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var text = ParagraphText.collapse(rest)
        // A closing run of #s preceded by a space is not part of the title.
        let closing = text.reversed().prefix { $0 == "#" }.count
        if closing > 0, closing == text.count || text.dropLast(closing).hasSuffix(" ") {
            text = ParagraphText.collapse(String(text.dropLast(closing)))
        }
        return (hashes, text)
    }

    private static func setextLevel(_ line: String) -> Int? {
        if line.allSatisfy({ $0 == "=" }) { return 1 }
        if line.allSatisfy({ $0 == "-" }) { return 2 }
        return nil
    }

    /// `---`, `***`, `___`, `- - -`.
    private static func isRule(_ line: String) -> Bool {
        guard let head = line.utf8.first, head == 0x2D || head == 0x2A || head == 0x5F else { return false }
        var marks = 0
        for byte in line.utf8 {
            if byte == head { marks += 1 } else if byte != 0x20 { return false } // stops at the first other byte
        }
        return marks >= 3
    }

    /// `[ref]: https://…`
    private static func isReferenceDefinition(_ line: String) -> Bool {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return false }
        let after = line[line.index(after: close)...]
        return after.hasPrefix(":") && after.count > 1
    }

    /// `- item`, `* item`, `+ item`, `1. item`, `1) item` → `item`.
    private static func listItemText(_ line: String) -> String? {
        guard let first = line.first else { return nil }
        if first == "-" || first == "*" || first == "+" {
            guard line.dropFirst().first == " " else { return nil }
            return ParagraphText.collapse(String(line.dropFirst(2)))
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }.count
        guard (1...9).contains(digits) else { return nil }
        let rest = line.dropFirst(digits)
        guard rest.first == "." || rest.first == ")", rest.dropFirst().first == " " else { return nil }
        return ParagraphText.collapse(String(rest.dropFirst(2)))
    }
}
