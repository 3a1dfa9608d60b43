import Foundation

/// Turns a feed or OPML body into valid UTF-8 before `XMLParser` sees it. Foundation's XMLParser on Linux traps
/// on invalid UTF-8 in element or attribute names, so a corrupted or hostile feed would otherwise crash the reader.
/// UTF-8 bodies have invalid sequences replaced with U+FFFD; bodies in UTF-16 (with a byte-order mark) or declaring
/// another encoding are transcoded (`LegacyTextDecoder`), and their XML declaration removed so that the parser reads
/// them as UTF-8. (Leaving a legacy encoding to libxml2 is not safe: for an encoding it cannot convert it passes the
/// raw bytes on, and Foundation traps on them.)
enum XMLInput {
    /// The body as valid UTF-8 (JSON bodies go through it too; XML then goes through `XMLSourceRewriter`).
    static func utf8(_ data: Data) -> Data {
        transcoded(data)
    }

    /// A UTF-8 body (from `utf8`) ready for `XMLParser`: forbidden control characters hidden
    /// (`XMLControlCharacters`), HTML entities and bare ampersands rewritten (`XMLSourceRewriter`).
    static func xml(_ utf8: Data) -> Data {
        guard let hidden = XMLControlCharacters.hide([UInt8](utf8)) else { return XMLSourceRewriter.rewrite(utf8) }
        return XMLSourceRewriter.rewrite(Data(hidden))
    }

    private static func transcoded(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let text = String(data: data, encoding: .utf16) ?? LegacyTextDecoder.decode(bytes, encoding: "UTF-16")
                ?? String(decoding: bytes, as: UTF8.self)
            return Data(withoutDeclaration(text).utf8)
        }
        guard let declared = declaredEncoding(bytes)?.lowercased(), !["utf-8", "utf8"].contains(declared),
              // A declaration readable as ASCII means an ASCII-compatible encoding, whatever it claims.
              !declared.hasPrefix("utf-16"), !declared.hasPrefix("utf-32"), !declared.hasPrefix("ucs") else {
            let saysUTF8 = declaredEncoding(bytes).map { ["utf-8", "utf8"].contains($0.lowercased()) } ?? true
            // Unchanged when it is valid UTF-8 and says so; a UTF-16 or UTF-32 label would mislead the parser.
            if saysUTF8, String(validating: bytes, as: UTF8.self) != nil { return data }
            let text = String(decoding: bytes, as: UTF8.self)
            return Data((saysUTF8 ? text : withoutDeclaration(text)).utf8)
        }
        // ISO-8859-1 and ASCII labels usually mean Windows-1252 (curly quotes at 0x93/0x94), as browsers assume.
        let latin1Labels: Set<String> = ["iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii"]
        let encoding = latin1Labels.contains(declared) ? "WINDOWS-1252" : declared
        // An encoding the C library does not know is read as UTF-8 (with U+FFFD for what is not): never garbage
        // for the XML parser.
        let text = LegacyTextDecoder.decode(bytes, encoding: encoding) ?? String(decoding: bytes, as: UTF8.self)
        return Data(withoutDeclaration(text).utf8)
    }

    /// The `encoding` of a leading `<?xml … ?>` declaration, if there is one.
    private static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard bytes[start...].starts(with: Array("<?xml".utf8)) else { return nil }
        let end = bytes[start...].prefix(512).firstIndex(of: UInt8(ascii: ">")) ?? min(bytes.count, start + 512)
        let declaration = String(decoding: bytes[start..<end], as: UTF8.self)
        guard let range = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    /// `text` without its leading XML declaration (which would name an encoding it is no longer in).
    private static func withoutDeclaration(_ text: String) -> String {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        let trimmed = body.drop { $0.isWhitespace }
        guard trimmed.hasPrefix("<?xml"), let end = trimmed.range(of: "?>") else { return String(body) }
        return String(trimmed[end.upperBound...])
    }
}
