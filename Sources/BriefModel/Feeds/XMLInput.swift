import Foundation

/// Turns a feed or OPML body into valid UTF-8 before `XMLParser` sees it. Foundation's XMLParser on Linux traps
/// on invalid UTF-8 in element or attribute names, so a corrupted or hostile feed would otherwise crash the reader.
/// The encoding is settled by `FeedEncoding` (mark, transport charset, declaration, detection); a body in anything
/// but UTF-8 is transcoded (`LegacyTextDecoder`) and its XML declaration removed so that the parser reads it as
/// UTF-8. (Leaving a legacy encoding to libxml2 is not safe: for an encoding it cannot convert it passes the raw
/// bytes on, and Foundation traps on them.)
enum XMLInput {
    /// A body as valid UTF-8, and the encoding it was read in when that had to be guessed.
    struct Decoded {
        var data: Data
        var fallback: String?
    }

    /// The body as valid UTF-8 (JSON bodies go through it too; XML then goes through `XMLSourceRewriter`).
    static func utf8(_ data: Data) -> Data {
        decode(data, transport: nil).data
    }

    /// The body as valid UTF-8; `transport` is the charset the HTTP response named, if any.
    static func decode(_ data: Data, transport: String?) -> Decoded {
        let bytes = [UInt8](data)
        let decision = FeedEncoding.decide(bytes, transport: transport)
        let fallback = decision.guessed ? decision.name.lowercased() : nil
        let declared = FeedEncoding.declaredEncoding(bytes).flatMap(FeedEncoding.canonicalName)
        if decision.name == "UTF-8" {
            let saysUTF8 = declared == nil || declared == "UTF-8"
            // Unchanged when it is valid UTF-8 and says so; a declaration naming another encoding would mislead
            // the parser.
            if saysUTF8, decision.validUTF8 || FeedEncoding.isValidUTF8(bytes) { return Decoded(data: data, fallback: fallback) }
            let text = String(decoding: bytes, as: UTF8.self)
            return Decoded(data: Data((saysUTF8 ? text : withoutDeclaration(text)).utf8), fallback: fallback)
        }
        let body = FeedEncoding.byteOrderMark(bytes).map { Array(bytes.dropFirst($0.length)) } ?? bytes
        // An encoding the C library cannot convert is read as UTF-8 (with U+FFFD for what is not): never garbage
        // for the XML parser.
        let text = LegacyTextDecoder.decode(body, encoding: decision.name) ?? String(decoding: body, as: UTF8.self)
        return Decoded(data: Data(withoutDeclaration(text).utf8), fallback: fallback)
    }

    /// A UTF-8 body (from `decode`) ready for `XMLParser`: forbidden control characters hidden
    /// (`XMLControlCharacters`), HTML entities and bare ampersands rewritten (`XMLSourceRewriter`). `lenient` is
    /// the recovery path's rewrite (`XMLSourceRewriter.rewrite(_:lenient:)`).
    static func xml(_ utf8: Data, lenient: Bool = false) -> Data {
        guard let hidden = XMLControlCharacters.hide([UInt8](utf8)) else {
            return XMLSourceRewriter.rewrite(utf8, lenient: lenient)
        }
        return XMLSourceRewriter.rewrite(Data(hidden), lenient: lenient)
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
