import Foundation

/// Prepares feed XML for the XML parser, which knows only the five XML entities and traps on some input:
/// - HTML named references that feeds use undeclared (`&nbsp;`, `&eacute;`, `&mdash;`) become numeric references
///   (`&#160;`), so they parse as the characters they mean instead of stopping the parse;
/// - a bare `&` that starts no reference (`AT&T`, `?a=1&b=2`) becomes `&amp;`, the commonest malformation in feeds;
/// - references to control characters XML forbids (`&#27;`) become stand-ins (`XMLControlCharacters`);
/// - processing instructions and DOCTYPE declarations are removed (see below).
///
/// Why: Foundation's XMLParser on Linux calls `strlen` on NULL for a processing instruction without data
/// (`<?marker?>`, found by fuzzing), and no delegate choice avoids it: Foundation forwards every instruction libxml2
/// reports to any delegate. libxml2 runs in recovery mode there, so it keeps reading after an error and may see
/// markup wherever the bytes allow. The rewrite therefore keeps one byte-level promise, whatever the context:
/// the output holds no `<?` except a well-formed XML declaration at the very start, and no `<!DOCTYPE`.
/// - A removed instruction or DOCTYPE leaves whitespace behind (its line breaks, else a space), so the text around
///   it cannot join into new markup (`<<??>?x?>` gives `< ?x?>`, not `<?x?>`) and error line numbers stay true.
/// - Inside CDATA, where text is literal, a `<` before `?` or `!` ends the section and a new one begins right
///   after it: the text read is the same, the bytes no longer form markup.
/// - Inside comments, whose text nobody reads, `<` becomes a space.
/// Without a DOCTYPE the document declares no entities, so nothing can expand into markup (an entity whose value is
/// `&#60;?marker?>`), nor grow without bound (entity bombs), nor load a file (external entities). A reference to a
/// name the dropped DOCTYPE declared is kept as literal text (`&note;`); an HTML name becomes its character as usual;
/// any other unknown name is left for the parser to report as an undefined entity.
enum XMLSourceRewriter {
    /// The rewritten document (UTF-8, from `XMLInput`), or `data` itself when nothing needed changing.
    ///
    /// `lenient` is for the recovery path, on a document that already failed: a reference to an unknown entity
    /// becomes literal text rather than an error, and the HTML void elements written as in HTML (`<br>`, `<hr>`,
    /// `<img …>`) are closed, so that markup left raw inside a description parses.
    static func rewrite(_ data: Data, lenient: Bool = false) -> Data {
        let bytes = [UInt8](data)
        let mayNeedWork = lenient || bytes.indices.contains { i in
            bytes[i] == UInt8(ascii: "&")
                || (bytes[i] == UInt8(ascii: "<") && i + 1 < bytes.count
                    && (bytes[i + 1] == UInt8(ascii: "?") || bytes[i + 1] == UInt8(ascii: "!")))
        }
        guard mayNeedWork else { return data }
        let declared = declaredEntityNames(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        var changed = false
        var i = 0
        // The XML declaration is parsed by libxml2 as such (never reported as an instruction) only at the very start.
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if let end = xmlDeclarationEnd(bytes, at: start) {
            out.append(contentsOf: bytes[0..<end])
            i = end
        }
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "<") {
                if bytes[i...].starts(with: cdataStart) {
                    i = copyCDATA(bytes, from: i, to: &out, changed: &changed)
                    continue
                }
                if bytes[i...].starts(with: commentStart) {
                    i = copyComment(bytes, from: i, to: &out, changed: &changed)
                    continue
                }
                if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "?") {
                    let end = firstIndex(of: instructionEnd, in: bytes, from: i + 2).map { $0 + instructionEnd.count } ?? bytes.count
                    leaveWhitespace(for: bytes[i..<end], in: &out)
                    changed = true
                    i = end
                    continue
                }
                if lenient, let end = voidTagEnd(bytes, at: i) {
                    out.append(contentsOf: bytes[i..<(end - 1)])
                    out.append(contentsOf: "/>".utf8)
                    changed = true
                    i = end
                    continue
                }
                if bytes[i...].starts(with: doctypeStart) {
                    let end = doctypeEnd(bytes, from: i + doctypeStart.count)
                    leaveWhitespace(for: bytes[i..<end], in: &out)
                    changed = true
                    i = end
                    continue
                }
            }
            guard byte == UInt8(ascii: "&") else {
                // Up to the next `<` or `&` the bytes are copied as they are, at once (a feed is mostly such runs).
                var end = i + 1
                while end < bytes.count, bytes[end] != UInt8(ascii: "<"), bytes[end] != UInt8(ascii: "&") { end += 1 }
                out.append(contentsOf: bytes[i..<end])
                i = end
                continue
            }
            switch reference(in: bytes, at: i) {
            case .numeric(let length):
                if let code = numericValue(bytes[(i + 2)..<(i + length - 1)]), XMLControlCharacters.isForbidden(code) {
                    out.append(contentsOf: XMLControlCharacters.stand(in: code))
                    changed = true
                } else if let code = numericValue(bytes[(i + 2)..<(i + length - 1)]), (0x80...0x9F).contains(code) {
                    // The C1 range means windows-1252 in references, as browsers read them (`&#150;` is a dash).
                    out.append(contentsOf: "&#\(CharacterReferences.scalar(forCodePoint: code).value);".utf8)
                    changed = true
                } else {
                    out.append(contentsOf: bytes[i..<(i + length)])
                }
                i += length
            case .named(let name, let length):
                if xmlNames.contains(name) {
                    out.append(contentsOf: bytes[i..<(i + length)])
                } else if let code = HTMLEntityTable.codePoints[name] {
                    out.append(contentsOf: "&#\(code);".utf8)
                    changed = true
                } else if declared.contains(name) || lenient {
                    // Its declaration went with the DOCTYPE: the reference reads as the text it is.
                    out.append(contentsOf: "&amp;".utf8)
                    out.append(contentsOf: bytes[(i + 1)..<(i + length)])
                    changed = true
                } else {
                    out.append(contentsOf: bytes[i..<(i + length)])
                }
                i += length
            case .none:
                out.append(contentsOf: "&amp;".utf8)
                changed = true
                i += 1
            }
        }
        return changed ? Data(out) : data
    }

    private static let xmlNames: Set<String> = ["amp", "lt", "gt", "quot", "apos"]
    private static let cdataStart = Array("<![CDATA[".utf8)
    private static let cdataEnd = Array("]]>".utf8)
    private static let commentStart = Array("<!--".utf8)
    private static let commentEnd = Array("-->".utf8)
    private static let doctypeStart = Array("<!DOCTYPE".utf8)
    private static let instructionEnd = Array("?>".utf8)

    /// Copies the CDATA section at `start` (to its end, or the document's), splitting it after any `<` that
    /// precedes `?` or `!`; returns where copying stopped.
    private static func copyCDATA(_ bytes: [UInt8], from start: Int, to out: inout [UInt8], changed: inout Bool) -> Int {
        let bodyStart = start + cdataStart.count
        let bodyEnd = firstIndex(of: cdataEnd, in: bytes, from: bodyStart) ?? bytes.count
        out.append(contentsOf: cdataStart)
        // Copied in runs, split only after a `<?` or `<!`'s `<`.
        var copied = bodyStart
        for j in bodyStart..<bodyEnd where bytes[j] == UInt8(ascii: "<") && j + 1 < bodyEnd
            && (bytes[j + 1] == UInt8(ascii: "?") || bytes[j + 1] == UInt8(ascii: "!")) {
            out.append(contentsOf: bytes[copied...j])
            out.append(contentsOf: cdataEnd)
            out.append(contentsOf: cdataStart)
            changed = true
            copied = j + 1
        }
        out.append(contentsOf: bytes[copied..<bodyEnd])
        let end = min(bytes.count, bodyEnd + cdataEnd.count)
        out.append(contentsOf: bytes[bodyEnd..<end])
        return end
    }

    /// Copies the comment at `start` (to its end, or the document's) with each `<` in its text made a space;
    /// returns where copying stopped.
    private static func copyComment(_ bytes: [UInt8], from start: Int, to out: inout [UInt8], changed: inout Bool) -> Int {
        let bodyStart = start + commentStart.count
        let bodyEnd = firstIndex(of: commentEnd, in: bytes, from: bodyStart) ?? bytes.count
        out.append(contentsOf: commentStart)
        for j in bodyStart..<bodyEnd {
            if bytes[j] == UInt8(ascii: "<") {
                out.append(0x20)
                changed = true
            } else {
                out.append(bytes[j])
            }
        }
        let end = min(bytes.count, bodyEnd + commentEnd.count)
        out.append(contentsOf: bytes[bodyEnd..<end])
        return end
    }

    /// The end (after `>`) of an HTML void element at `start` written without closing it (`<br>`, `<hr class=x>`,
    /// `<img src="…">`); nil for anything else, including one already closed (`<br/>`).
    private static func voidTagEnd(_ bytes: [UInt8], at start: Int) -> Int? {
        var i = start + 1
        let nameStart = i
        while i < bytes.count, CharacterReferences.isNameByte(bytes[i]) { i += 1 }
        guard i > nameStart, i - nameStart <= 3 else { return nil }
        let name = String(decoding: bytes[nameStart..<i], as: UTF8.self).lowercased()
        guard name == "br" || name == "hr" || name == "img", i < bytes.count,
              bytes[i] == UInt8(ascii: ">") || bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A else { return nil }
        // Its `>` outside quoted values, as for a DOCTYPE; a `<` before it means the tag never ended.
        let end = doctypeEnd(bytes, from: i)
        guard bytes[end - 1] == UInt8(ascii: ">"), bytes[end - 2] != UInt8(ascii: "/"),
              !bytes[i..<end].contains(UInt8(ascii: "<")) else { return nil }
        return end
    }

    /// Stands in for removed markup: its line breaks, or one space when it had none.
    private static func leaveWhitespace(for removed: ArraySlice<UInt8>, in out: inout [UInt8]) {
        let lineBreaks = removed.lazy.filter { $0 == 0x0A }.count
        if lineBreaks == 0 {
            out.append(0x20)
        } else {
            out.append(contentsOf: repeatElement(0x0A, count: lineBreaks))
        }
    }

    /// Where the DOCTYPE whose name starts at `start` ends: after its closing `>`, outside quotes and the internal
    /// subset's brackets (or at the document's end). Being off here is safe: what follows is scanned as usual.
    private static func doctypeEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var quote: UInt8?
        var depth = 0
        var i = start
        while i < bytes.count {
            let byte = bytes[i]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "]") {
                depth = max(0, depth - 1)
            } else if byte == UInt8(ascii: ">"), depth == 0 {
                return i + 1
            }
            i += 1
        }
        return bytes.count
    }

    /// The end (after `?>`) of a plain XML declaration at `start`: `<?xml`, whitespace, then no `<` or `>` before
    /// `?>`. Anything else there is treated as an ordinary instruction (removed), because libxml2 recovering from a
    /// bad declaration skips only to the next `>`.
    private static func xmlDeclarationEnd(_ bytes: [UInt8], at start: Int) -> Int? {
        guard start + 5 < bytes.count, bytes[start...].starts(with: "<?xml".utf8),
              [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start + 5]) else { return nil }
        var i = start + 6
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "<") || bytes[i] == UInt8(ascii: ">") { return nil }
            if bytes[i] == UInt8(ascii: "?"), bytes[i + 1] == UInt8(ascii: ">") { return i + 2 }
            i += 1
        }
        return nil
    }

    private enum Reference {
        case numeric(length: Int)
        case named(String, length: Int)
    }

    /// The well-formed reference starting at `start` (on `&`), if there is one.
    private static func reference(in bytes: [UInt8], at start: Int) -> Reference? {
        var i = start + 1
        guard i < bytes.count else { return nil }
        if bytes[i] == UInt8(ascii: "#") {
            i += 1
            let hex = i < bytes.count && bytes[i] == UInt8(ascii: "x")
            if hex { i += 1 }
            let digitsStart = i
            while i < bytes.count, isDigit(bytes[i], hex: hex) { i += 1 }
            guard i > digitsStart, i < bytes.count, bytes[i] == UInt8(ascii: ";") else { return nil }
            return .numeric(length: i + 1 - start)
        }
        let nameStart = i
        while i < bytes.count, i - nameStart < 64, isNameByte(bytes[i]) { i += 1 }
        guard i > nameStart, i < bytes.count, bytes[i] == UInt8(ascii: ";") else { return nil }
        return .named(String(decoding: bytes[nameStart..<i], as: UTF8.self), length: i + 1 - start)
    }

    /// Entity names declared in the internal DTD subset (`<!ENTITY name …>`, found before the root element), whose
    /// references become literal text once the DOCTYPE is removed.
    private static func declaredEntityNames(_ bytes: [UInt8]) -> Set<String> {
        let marker = Array("<!ENTITY".utf8)
        var names = Set<String>()
        var i = 0
        let limit = bytes.count - marker.count
        while i <= limit {
            if bytes[i] == UInt8(ascii: "<") {
                if bytes[i..<(i + marker.count)].elementsEqual(marker) {
                    var j = i + marker.count
                    while j < bytes.count, [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "%")].contains(bytes[j]) { j += 1 }
                    let nameStart = j
                    while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
                    if j > nameStart { names.insert(String(decoding: bytes[nameStart..<j], as: UTF8.self)) }
                    i = j
                    continue
                }
                // The DTD can only come before the first element: stop at the first tag that is not a declaration.
                if i + 1 < bytes.count, bytes[i + 1] != UInt8(ascii: "!"), bytes[i + 1] != UInt8(ascii: "?") { break }
            }
            i += 1
        }
        return names
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0] && bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// The value of a numeric reference's digits (`27` or `x1B`), if small enough to matter.
    private static func numericValue(_ digits: ArraySlice<UInt8>) -> UInt32? {
        var rest = digits
        let hex = rest.first == UInt8(ascii: "x")
        if hex { rest = rest.dropFirst() }
        guard rest.count <= 8 else { return nil }
        return UInt32(String(decoding: rest, as: UTF8.self), radix: hex ? 16 : 10)
    }

    private static func isDigit(_ byte: UInt8, hex: Bool) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (hex && ((byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))))
    }

    /// XML name characters as far as entity names in feeds go (ASCII letters, digits, `_ - .`, and non-ASCII).
    static func isNameByte(_ byte: UInt8) -> Bool {
        CharacterReferences.isNameByte(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ".") || byte >= 0x80
    }
}
