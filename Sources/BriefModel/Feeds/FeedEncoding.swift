/// Finds the encoding of a feed body the way browsers do (WHATWG Encoding Standard, and XML 1.0 appendix F):
/// a byte-order mark, then the charset the transport named, then the XML declaration, then detection. Detection
/// tells UTF-16 and UTF-32 without a mark by the zero bytes around `<`, keeps valid UTF-8 as UTF-8, and reads
/// other bytes as the likeliest legacy charset: Cyrillic (windows-1251, KOI8-R, ISO-8859-5) or Greek
/// (windows-1253) when most letters are high bytes, else windows-1252, the web's default.
enum FeedEncoding {
    /// How a body's encoding was settled.
    struct Decision: Equatable {
        /// The encoding to decode with (an iconv name, or `UTF-8`).
        var name: String
        /// True when the encoding was guessed rather than stated by a mark, the transport or the declaration.
        var guessed: Bool
        /// True when the bytes were checked and are valid UTF-8.
        var validUTF8 = false
    }

    /// The encoding of `bytes`; `transport` is the charset the HTTP `Content-Type` named, if any.
    static func decide(_ bytes: [UInt8], transport: String? = nil) -> Decision {
        if let bom = byteOrderMark(bytes) { return Decision(name: bom.name, guessed: false) }
        if let wide = wideWithoutMark(bytes) { return Decision(name: wide, guessed: false) }
        for label in [transport, declaredEncoding(bytes)] {
            guard let label, let name = canonicalName(label) else { continue }
            // A label naming a wide encoding on bytes that read as ASCII is wrong: the body is 8-bit.
            if name.hasPrefix("UTF-16") || name.hasPrefix("UTF-32") { continue }
            if name == "UTF-8" {
                guard isValidUTF8(bytes) else { break }
                return Decision(name: name, guessed: false, validUTF8: true)
            }
            if !LegacyTextDecoder.isKnown(name) { continue }
            return Decision(name: name, guessed: false)
        }
        if isValidUTF8(bytes) { return Decision(name: "UTF-8", guessed: false, validUTF8: true) }
        return Decision(name: guessLegacy(bytes), guessed: true)
    }

    /// A byte-order mark at the start, and its length. UTF-32 LE is checked before UTF-16 LE (it starts alike).
    static func byteOrderMark(_ bytes: [UInt8]) -> (name: String, length: Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ("UTF-8", 3) }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return ("UTF-32BE", 4) }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return ("UTF-32LE", 4) }
        if bytes.starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", 2) }
        if bytes.starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", 2) }
        return nil
    }

    /// UTF-16 or UTF-32 without a byte-order mark, told by where the zero bytes fall in the first four (a document
    /// starts with `<` or whitespace, which are ASCII).
    static func wideWithoutMark(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 4 else { return nil }
        let zero = bytes.prefix(4).map { $0 == 0 }
        switch (zero[0], zero[1], zero[2], zero[3]) {
        case (true, true, true, false): return "UTF-32BE"
        case (false, true, true, true): return "UTF-32LE"
        case (true, false, true, false): return "UTF-16BE"
        case (false, true, false, true): return "UTF-16LE"
        default: return nil
        }
    }

    /// The `encoding` of a leading `<?xml … ?>` declaration, if there is one.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard bytes[start...].starts(with: Array("<?xml".utf8)) else { return nil }
        let end = bytes[start...].prefix(512).firstIndex(of: UInt8(ascii: ">")) ?? min(bytes.count, start + 512)
        let declaration = String(decoding: bytes[start..<end], as: UTF8.self)
        guard let range = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let label = rest.dropFirst().prefix { $0 != quote }
        return label.isEmpty ? nil : String(label)
    }

    /// The decoder's name for an encoding label, with the WHATWG's substitutions: ISO-8859-1 and ASCII labels mean
    /// windows-1252 (curly quotes at 0x93/0x94), ISO-8859-9 means windows-1254, GB2312 means GBK. Nil for an empty
    /// label.
    static func canonicalName(_ label: String) -> String? {
        let lower = label.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !lower.isEmpty else { return nil }
        switch lower {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return "UTF-8"
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "iso-ir-100", "latin1", "latin-1", "l1", "us-ascii", "ascii",
             "ansi_x3.4-1968", "cp1252", "x-cp1252", "windows-1252", "cp819", "ibm819":
            return "WINDOWS-1252"
        case "iso-8859-9", "iso8859-9", "latin5", "l5": return "WINDOWS-1254"
        case "gb2312", "x-gbk", "gbk", "chinese": return "GBK"
        case "utf-16", "utf16", "ucs-2", "iso-10646-ucs-2", "unicode": return "UTF-16"
        case "utf-32", "ucs-4", "iso-10646-ucs-4": return "UTF-32"
        default:
            if lower.hasPrefix("utf-16") { return "UTF-16" }
            if lower.hasPrefix("utf-32") { return "UTF-32" }
            return lower.uppercased()
        }
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }

    /// The likeliest single-byte charset for bytes that are not UTF-8. When high bytes make up most letters the
    /// text is in a non-Latin alphabet: each candidate decodes it and the one giving the most common lower-case
    /// Cyrillic or Greek letters wins (a wrong one gives capitals and symbols). Otherwise windows-1252.
    static func guessLegacy(_ bytes: [UInt8]) -> String {
        // Letters of the text only: markup is ASCII whatever the language.
        var high = 0
        var asciiLetters = 0
        var inTag = false
        for byte in bytes {
            if byte == UInt8(ascii: "<") {
                inTag = true
            } else if byte == UInt8(ascii: ">") {
                inTag = false
            } else if byte >= 0x80 {
                high += 1
            } else if !inTag, (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") {
                asciiLetters += 1
            }
        }
        guard high > asciiLetters else { return "WINDOWS-1252" }
        let sample = Array(bytes.prefix(65_536))
        var best = ("WINDOWS-1252", 0)
        for candidate in ["WINDOWS-1251", "KOI8-R", "ISO-8859-5", "WINDOWS-1253"] {
            guard let text = LegacyTextDecoder.decode(sample, encoding: candidate) else { continue }
            let score = text.unicodeScalars.reduce(0) { $0 + (commonLowercase.contains($1) ? 1 : 0) }
            if score > best.1 { best = (candidate, score) }
        }
        // A Latin text with many accents scores nothing here: windows-1252 stays.
        return best.1 * 4 > high ? best.0 : "WINDOWS-1252"
    }

    /// The commonest lower-case letters of Russian (and other Cyrillic languages) and of Greek.
    private static let commonLowercase: Set<Unicode.Scalar> = Set("оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфёіїєў".unicodeScalars)
        .union("αοιετνσυρκμπληωδγχθφβξζψ".unicodeScalars)
}
