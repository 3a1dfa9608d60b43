/// The state of one HTML-to-blocks conversion: a forgiving tokenizer over UTF-8 bytes feeding a block accumulator.
struct HTMLBlockBuilder {
    private(set) var blocks: [HTMLBlock] = []

    /// Bytes of the block being built.
    private var current: [UInt8] = []
    private var currentKind: HTMLBlock.Kind = .paragraph
    /// A space is owed before the next visible character (collapsed whitespace).
    private var pendingSpace = false
    /// `<br>` seen since the last text: one is a line break, two end the paragraph.
    private var pendingBreaks = 0
    private var preDepth = 0
    /// One entry per open list: nil for `ul`, the next number for `ol`.
    private var lists: [Int?] = []
    /// Bytes of `current` taken by a list marker (`• `, `2. `), which alone is not text.
    private var markerLength = 0
    /// Cells already written in the current table row (cells are separated by a space).
    private var cellsInRow = 0

    private static let blockTags: Set<String> = [
        "p", "div", "li", "blockquote", "pre", "tr", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody",
        "tfoot", "section", "article", "header", "footer", "figure", "figcaption", "hr", "address", "main", "nav",
        "aside", "center", "form", "fieldset", "details", "summary", "caption", "body", "html",
        "h1", "h2", "h3", "h4", "h5", "h6",
    ]
    /// Elements whose content is never text for a reader.
    private static let droppedTags: Set<String> = ["script", "style", "noscript", "template", "iframe", "object", "svg", "head", "title"]

    mutating func run(_ bytes: [UInt8]) {
        var i = 0
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            if byte == UInt8(ascii: "<") {
                i = markup(bytes, at: i)
            } else if byte == UInt8(ascii: "&") {
                if let (scalar, length) = CharacterReferences.reference(in: bytes, at: i) {
                    appendScalar(scalar)
                    i += length
                } else {
                    appendByte(byte)
                    i += 1
                }
            } else if byte == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 {
                appendScalar("\u{A0}")
                i += 2
            } else {
                appendByte(byte)
                i += 1
                // The rest of a run of plain text bytes goes in at once: after a visible byte nothing is pending, so
                // `appendByte` would only append each (outside `pre`, which keeps line breaks its own way).
                guard preDepth == 0, !Self.isSpace(byte) else { continue }
                var end = i
                while end < n, Self.isPlain(bytes[end]) { end += 1 }
                if end > i {
                    current.append(contentsOf: bytes[i..<end])
                    i = end
                }
            }
        }
        flush(keepingMarker: false)
    }

    // MARK: Markup

    /// Handles the markup starting at `start` (a `<`) and returns the index just after it.
    private mutating func markup(_ bytes: [UInt8], at start: Int) -> Int {
        let n = bytes.count
        if hasPrefix(bytes, start, "<!--") {
            return index(after: "-->", in: bytes, from: start + 4)
        }
        if hasPrefix(bytes, start, "<![CDATA[") {
            let end = find("]]>", in: bytes, from: start + 9) ?? n
            for j in (start + 9)..<end { appendByte(bytes[j]) }
            return min(end + 3, n)
        }
        guard start + 1 < n else {
            appendByte(bytes[start])
            return start + 1
        }
        let next = bytes[start + 1]
        if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
            return index(after: ">", in: bytes, from: start + 2)
        }
        let closing = next == UInt8(ascii: "/")
        var i = start + (closing ? 2 : 1)
        let nameStart = i
        while i < n, CharacterReferences.isNameByte(bytes[i]) { i += 1 }
        guard i > nameStart, bytes[nameStart] >= UInt8(ascii: "A") else {
            // "<" not followed by a tag name (e.g. "a < b") is text.
            appendByte(bytes[start])
            return start + 1
        }
        let name = String(decoding: bytes[nameStart..<i], as: UTF8.self).lowercased()
        // Skip attributes, honouring quotes so that a ">" inside a value does not end the tag.
        // A quote opens a value only right after `=` (spaces allowed), as in browsers, so a stray apostrophe in
        // a tag cannot swallow the text after it.
        var quote: UInt8? = nil
        var afterEquals = false
        var selfClosing = false
        while i < n {
            let b = bytes[i]
            if let q = quote {
                if b == q { quote = nil }
            } else if afterEquals && (b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")) {
                quote = b
                afterEquals = false
            } else if b == UInt8(ascii: ">") {
                selfClosing = i > 0 && bytes[i - 1] == UInt8(ascii: "/")
                break
            } else if b == UInt8(ascii: "=") {
                afterEquals = true
            } else if b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D {
                afterEquals = false
            }
            i += 1
        }
        if i >= n {
            // No end to the tag: a quote left open swallowed it. The first `>` ends it after all, so the text
            // after it is kept; with none, the input ends inside the tag (cut short), which is dropped.
            guard let end = bytes[nameStart..<n].firstIndex(of: UInt8(ascii: ">")) else { return n }
            i = end
            selfClosing = bytes[i - 1] == UInt8(ascii: "/")
        }
        let afterTag = min(i + 1, n)
        if closing {
            endTag(name)
            return afterTag
        }
        if Self.droppedTags.contains(name), !selfClosing {
            return skipRawText(of: name, in: bytes, from: afterTag)
        }
        startTag(name)
        if selfClosing { endTag(name) }
        return afterTag
    }

    /// The index after the closing tag `</name>` (any case) that ends a dropped element; when it never comes, only
    /// the opening tag is dropped (`start`), so an unclosed `<title>` or `<object>` does not swallow the rest.
    private func skipRawText(of name: String, in bytes: [UInt8], from start: Int) -> Int {
        let closer = Array("</\(name)".utf8)
        var i = start
        while let found = find(closer, in: bytes, from: i, caseInsensitive: true) {
            let after = found + closer.count
            if after >= bytes.count || !CharacterReferences.isNameByte(bytes[after]) {
                return index(after: ">", in: bytes, from: after)
            }
            i = after
        }
        return start
    }

    private mutating func startTag(_ name: String) {
        switch name {
        case "br":
            pendingBreaks += 1
            if pendingBreaks >= 2 { flush() }
        case "h1", "h2", "h3", "h4", "h5", "h6":
            flush()
            currentKind = .heading(level: Int(name.utf8.last.map { $0 - UInt8(ascii: "0") } ?? 1))
        case "ul":
            flush(keepingMarker: false)
            lists.append(nil)
        case "ol":
            flush(keepingMarker: false)
            lists.append(1)
        case "li":
            flush(keepingMarker: false)
            if let last = lists.indices.last, let number = lists[last] {
                current.append(contentsOf: "\(number). ".utf8)
                lists[last] = number + 1
            } else {
                current.append(contentsOf: "• ".utf8)
            }
            markerLength = current.count
        case "pre":
            flush()
            preDepth += 1
        case "tr":
            flush()
            cellsInRow = 0
        case "td", "th":
            if cellsInRow > 0 { pendingSpace = true }
            cellsInRow += 1
        case "img":
            // An image stands between words.
            pendingSpace = true
        default:
            if Self.blockTags.contains(name) { flush() }
        }
    }

    private mutating func endTag(_ name: String) {
        switch name {
        case "br":
            break
        case "h1", "h2", "h3", "h4", "h5", "h6":
            flush()
        case "ul", "ol", "li":
            flush(keepingMarker: false)
            if name == "li" { break }
            if !lists.isEmpty { lists.removeLast() }
        case "pre":
            flush()
            preDepth = max(0, preDepth - 1)
        case "td", "th":
            pendingSpace = true
        default:
            if Self.blockTags.contains(name) { flush() }
        }
    }

    // MARK: Text

    /// The whitespace `appendByte` collapses.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// A byte `run` appends as it is: not whitespace, and starting no markup, reference or no-break space.
    private static func isPlain(_ byte: UInt8) -> Bool {
        !isSpace(byte) && byte != UInt8(ascii: "<") && byte != UInt8(ascii: "&") && byte != 0xC2
    }

    private mutating func appendByte(_ byte: UInt8) {
        if preDepth > 0 {
            if byte == UInt8(ascii: "\r") { return }
            if byte == UInt8(ascii: "\n") && current.isEmpty { return }
            current.append(byte)
            return
        }
        if Self.isSpace(byte) {
            if !current.isEmpty { pendingSpace = true }
            return
        }
        if pendingBreaks > 0 {
            if current.count > markerLength { current.append(UInt8(ascii: "\n")) }
            pendingBreaks = 0
            pendingSpace = false
        }
        if pendingSpace {
            if let last = current.last, last != 0x20, last != 0x0A { current.append(0x20) }
            pendingSpace = false
        }
        current.append(byte)
    }

    private mutating func appendScalar(_ scalar: Unicode.Scalar) {
        // A no-break space is an ordinary space in plain text: collapsed, and never a paragraph of its own.
        if scalar.value == 0xA0 {
            appendByte(0x20)
            return
        }
        var encoded: [UInt8] = []
        CharacterReferences.appendUTF8(scalar, to: &encoded)
        for byte in encoded { appendByte(byte) }
    }

    /// Ends the block being built; blocks with no visible text are dropped. A list marker with no text yet is kept
    /// for the block that follows (`<li><p>text</p></li>`) unless the item itself ends.
    private mutating func flush(keepingMarker: Bool = true) {
        var end = current.count
        while end > markerLength, [0x20, 0x09, 0x0A].contains(current[end - 1]) { end -= 1 }
        if end <= markerLength {
            if keepingMarker && markerLength > 0 { return }
        } else {
            blocks.append(HTMLBlock(kind: currentKind, text: String(decoding: current[0..<end], as: UTF8.self)))
        }
        current.removeAll(keepingCapacity: true)
        markerLength = 0
        currentKind = .paragraph
        pendingSpace = false
        pendingBreaks = 0
    }

    // MARK: Byte search

    private func hasPrefix(_ bytes: [UInt8], _ at: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard at + count <= bytes.count else { return false }
        return prefix.withUTF8Buffer { buffer in
            for k in 0..<count where bytes[at + k] != buffer[k] { return false }
            return true
        }
    }

    private func find(_ needle: StaticString, in bytes: [UInt8], from start: Int) -> Int? {
        find(needle.withUTF8Buffer { Array($0) }, in: bytes, from: start, caseInsensitive: false)
    }

    private func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int, caseInsensitive: Bool) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var i = max(0, start)
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first {
                var k = 1
                while k < needle.count {
                    var b = bytes[i + k]
                    if caseInsensitive, b >= UInt8(ascii: "A"), b <= UInt8(ascii: "Z") { b += 32 }
                    if b != needle[k] { break }
                    k += 1
                }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// The index just after `needle` at or after `start`, or the end of input when it never comes.
    private func index(after needle: StaticString, in bytes: [UInt8], from start: Int) -> Int {
        guard let found = find(needle, in: bytes, from: start) else { return bytes.count }
        return found + needle.utf8CodeUnitCount
    }
}
