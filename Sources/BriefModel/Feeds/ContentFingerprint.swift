/// A story's identity across feeds: a hash of its headline and whole body once markup, case, punctuation and
/// whitespace are normalised. The same story syndicated to two feeds has one fingerprint; two stories that share
/// sentences (a quote, a boilerplate paragraph) do not, because the whole text is hashed, not its sentences.
///
///     ContentFingerprint(title: "Talks resume", body: ["<p>Envoys met.</p>"]).value   // 32 hex digits
public struct ContentFingerprint: Hashable, Sendable, Codable, CustomStringConvertible {
    /// 128 bits as 32 lowercase hexadecimal digits; stable across runs and machines (store it).
    public let value: String

    /// The fingerprint of a headline and body paragraphs (plain text or HTML: markup is removed first).
    public init(title: String, body: [String]) {
        self.init(title: title, body: body, markup: true)
    }

    /// The fingerprint of text known to be plain (no markup to strip, so `&` and `<` are ordinary characters).
    init(plainTitle title: String, paragraphs: [String]) {
        self.init(title: title, body: paragraphs, markup: false)
    }

    private init(title: String, body: [String], markup: Bool) {
        var normalised: [UInt8] = []
        Self.appendNormalised(title, markup: markup, to: &normalised)
        normalised.append(0x0A)
        for paragraph in body {
            let start = normalised.count
            if start > 0 && normalised[start - 1] != 0x0A { normalised.append(0x20) }
            Self.appendNormalised(paragraph, markup: markup, to: &normalised)
            if normalised.count == start + 1 && normalised[start] == 0x20 { normalised.removeLast() }
        }
        value = Self.hash(normalised)
    }

    public init(value: String) { self.value = value }

    public var description: String { value }

    /// Markup and entities removed, lower-cased, every run of characters other than letters, digits and combining
    /// marks (spaces, punctuation, typographic quotes and dashes) turned into one space, trimmed.
    public static func normalise(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendNormalised(text, markup: true, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `normalise` for text known to be plain.
    static func normalisePlain(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendNormalised(text, markup: false, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` normalised (see `normalise`), read from its UTF-8 bytes: ASCII bytes in place, and only the
    /// other scalars through their Unicode properties.
    private static func appendNormalised(_ text: String, markup: Bool, to out: inout [UInt8]) {
        // Plain ASCII with no markup (most text) in one pass over its bytes.
        if let ascii = asciiNormalised(text, markup: markup) {
            out.append(contentsOf: ascii)
            return
        }
        var plain = text
        if markup, text.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) {
            plain = HTMLText.inlineText(text)
            if let ascii = asciiNormalised(plain, markup: false) {
                out.append(contentsOf: ascii)
                return
            }
        }
        let start = out.count
        var gap = false
        // Other text from its bytes too: ASCII in place, other scalars through their Unicode properties. A gap
        // before the first letter is dropped; one between letters is one space.
        func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
            if gap && out.count > start { out.append(0x20) }
            gap = false
            CharacterReferences.appendUTF8(scalar, to: &out)
        }
        plain.withUTF8 { bytes in
            out.reserveCapacity(out.count + bytes.count)
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte < 0x80 {
                    i += 1
                    if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) {
                        append(Unicode.Scalar(byte), to: &out)
                    } else if (0x41...0x5A).contains(byte) {
                        append(Unicode.Scalar(byte + 32), to: &out)
                    } else {
                        gap = true
                    }
                    continue
                }
                let (scalar, length) = ScalarText.decode(bytes, at: i)
                i += length
                let properties = scalar.properties
                let category = properties.generalCategory
                guard properties.isAlphabetic || properties.numericType != nil || category == .nonspacingMark
                    || category == .spacingMark else {
                    gap = true
                    continue
                }
                guard properties.changesWhenLowercased else {
                    append(scalar, to: &out)
                    continue
                }
                for mapped in properties.lowercaseMapping.unicodeScalars { append(mapped, to: &out) }
            }
        }
    }

    /// `text` normalised, read byte by byte in place, with the same result as the scalar walk of `appendNormalised`;
    /// nil at the first byte that is not ASCII, or with `markup` the first `<` or `&` (the walk takes such text).
    private static func asciiNormalised(_ text: String, markup: Bool) -> [UInt8]? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> [UInt8]? in
            var plainASCII = true
            let written = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                var n = 0
                var gap = false
                for byte in bytes {
                    let lower: UInt8
                    if byte &- 0x30 < 10 {
                        lower = byte
                    } else if (byte | 0x20) &- 0x61 < 26 {
                        lower = byte | 0x20
                    } else if byte < 0x80, !(markup && (byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&"))) {
                        gap = true
                        continue
                    } else {
                        plainASCII = false
                        break
                    }
                    // A gap before the first letter is dropped, so there is room for the space.
                    if gap && n > 0 { buffer[n] = 0x20; n += 1 }
                    gap = false
                    buffer[n] = lower
                    n += 1
                }
                count = n
            }
            return plainASCII ? written : nil
        } ?? nil
    }

    /// Two independent 64-bit FNV-1a hashes (different offset bases, the second over a rotated stream).
    private static func hash(_ bytes: [UInt8]) -> String {
        let prime: UInt64 = 0x0000_0100_0000_01B3
        var first: UInt64 = 0xCBF2_9CE4_8422_2325
        var second: UInt64 = 0x6C62_272E_07BB_0142
        for byte in bytes {
            first = (first ^ UInt64(byte)) &* prime
            second = (second ^ UInt64(byte &+ 0x55)) &* prime
            second = (second << 7) | (second >> 57)
        }
        first ^= UInt64(bytes.count)
        return hex(first) + hex(second)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
