import Foundation

/// Prepares feed XML for the XML parser, which knows only the five XML entities and traps on some input:
/// - HTML named references that feeds use undeclared (`&nbsp;`, `&eacute;`, `&mdash;`) become numeric references
///   (`&#160;`), so they parse as the characters they mean instead of stopping the parse;
/// - a bare `&` that starts no reference (`AT&T`, `?a=1&b=2`) becomes `&amp;`, the commonest malformation in feeds;
/// - references to control characters XML forbids (`&#27;`) become stand-ins (`XMLControlCharacters`);
/// - processing instructions other than the XML declaration are removed: feeds have no use for them, and one
///   without data (`<?marker?>`) makes Foundation's XMLParser on Linux call `strlen` on NULL (found by fuzzing).
///   A removed instruction leaves its line breaks behind, so error line numbers stay true.
/// Names declared in the document's own DTD and unknown names are left alone: the parser decides about them
/// (it drops declared ones, bounds their expansion, and reports an unknown one as an undefined entity).
enum XMLSourceRewriter {
    /// The rewritten document (UTF-8, from `XMLInput`), or `data` itself when nothing needed changing.
    static func rewrite(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        let mayNeedWork = bytes.indices.contains { i in
            bytes[i] == UInt8(ascii: "&") || (bytes[i] == UInt8(ascii: "?") && i > 0 && bytes[i - 1] == UInt8(ascii: "<"))
        }
        guard mayNeedWork else { return data }
        let declared = declaredEntityNames(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        var i = 0
        var changed = false
        let cdataStart = Array("<![CDATA[".utf8)
        let cdataEnd = Array("]]>".utf8)
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "<"), bytes[i...].starts(with: cdataStart) {
                // CDATA is literal text: copied as it is.
                let end = firstIndex(of: cdataEnd, in: bytes, from: i + cdataStart.count).map { $0 + cdataEnd.count } ?? bytes.count
                out.append(contentsOf: bytes[i..<end])
                i = end
                continue
            }
            if byte == UInt8(ascii: "<"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "?"), !isXMLDeclaration(bytes, at: i) {
                let end = firstIndex(of: Array("?>".utf8), in: bytes, from: i + 2).map { $0 + 2 } ?? bytes.count
                out.append(contentsOf: bytes[i..<end].filter { $0 == 0x0A })
                changed = true
                i = end
                continue
            }
            guard byte == UInt8(ascii: "&") else {
                out.append(byte)
                i += 1
                continue
            }
            switch reference(in: bytes, at: i) {
            case .numeric(let length):
                if let code = numericValue(bytes[(i + 2)..<(i + length - 1)]), XMLControlCharacters.isForbidden(code) {
                    out.append(contentsOf: XMLControlCharacters.stand(in: code))
                    changed = true
                } else {
                    out.append(contentsOf: bytes[i..<(i + length)])
                }
                i += length
            case .named(let name, let length):
                if let code = HTMLEntityTable.codePoints[name], !xmlNames.contains(name), !declared.contains(name) {
                    out.append(contentsOf: "&#\(code);".utf8)
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

    /// Entity names declared in the internal DTD subset (`<!ENTITY name …>`), found before the root element.
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

    /// `<?xml` followed by whitespace: the declaration (the only processing instruction kept).
    private static func isXMLDeclaration(_ bytes: [UInt8], at start: Int) -> Bool {
        guard start + 5 < bytes.count, bytes[(start + 2)..<(start + 5)].elementsEqual("xml".utf8) else { return false }
        return [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start + 5])
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
    private static func isNameByte(_ byte: UInt8) -> Bool {
        CharacterReferences.isNameByte(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ".") || byte >= 0x80
    }
}
