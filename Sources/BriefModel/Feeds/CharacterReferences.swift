/// Decodes HTML character references: named (`&eacute;`, the HTML 4.01 set plus `&apos;`), decimal (`&#233;`)
/// and hexadecimal (`&#xE9;`). Unknown names and malformed references are kept as written, so nothing is lost.
enum CharacterReferences {
    /// Windows-1252 meanings of the C1 range, which HTML gives to `&#128;`…`&#159;` (feeds written on Windows use them).
    private static let windows1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// The string with every recognised reference replaced by its character.
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "&"), let (scalar, length) = reference(in: bytes, at: i) {
                appendUTF8(scalar, to: &out)
                i += length
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The character a reference starting at `start` (on `&`) stands for, and the reference's length in bytes
    /// including `&` and `;`; nil when there is no complete, known reference there.
    static func reference(in bytes: [UInt8], at start: Int) -> (Unicode.Scalar, Int)? {
        var i = start + 1
        guard i < bytes.count else { return nil }
        if bytes[i] == UInt8(ascii: "#") {
            i += 1
            var hex = false
            if i < bytes.count, bytes[i] == UInt8(ascii: "x") || bytes[i] == UInt8(ascii: "X") {
                hex = true
                i += 1
            }
            let digitsStart = i
            var value: UInt32 = 0
            while i < bytes.count, i - digitsStart < 8, let digit = digitValue(bytes[i], hex: hex) {
                value = value * (hex ? 16 : 10) + digit
                i += 1
            }
            guard i > digitsStart, i < bytes.count, bytes[i] == UInt8(ascii: ";") else { return nil }
            return (scalar(forCodePoint: value), i + 1 - start)
        }
        let nameStart = i
        while i < bytes.count, i - nameStart <= HTMLEntityTable.longestName, isNameByte(bytes[i]) { i += 1 }
        guard i > nameStart, i < bytes.count, bytes[i] == UInt8(ascii: ";") else { return nil }
        let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
        guard let code = HTMLEntityTable.codePoints[name], let scalar = Unicode.Scalar(code) else { return nil }
        return (scalar, i + 1 - start)
    }

    /// A numeric reference's character: C1 codes read as Windows-1252; NUL, surrogates and out-of-range values
    /// become U+FFFD, as HTML does.
    static func scalar(forCodePoint value: UInt32) -> Unicode.Scalar {
        var code = value
        if (0x80...0x9F).contains(code) { code = windows1252[Int(code - 0x80)] }
        if code == 0 { return "\u{FFFD}" }
        return Unicode.Scalar(code) ?? "\u{FFFD}"
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let v = scalar.value
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
