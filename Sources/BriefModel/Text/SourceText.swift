import Foundation

/// Decoding the raw bytes of an input file into text, with clear errors.
///
/// `decode` refuses what is not text (empty, binary, invalid UTF-8, too large) and otherwise strips a UTF-8
/// byte-order mark and turns CRLF and lone CR line ends into LF. Everything else, including terminal escapes
/// and bidi controls, is kept as written: hostile text is neutralised where it is shown (`TerminalText`).
public enum SourceText {
    /// The largest input accepted: 8 MiB, far above any briefing and small enough to parse in well under a second.
    public static let maxBytes: Int = 8 * 1024 * 1024

    /// Decodes `data` as UTF-8 text.
    /// - Throws: `SourceTextError` for empty, too large, binary or invalid UTF-8 input.
    public static func decode(_ data: Data) throws(SourceTextError) -> String {
        guard data.count <= maxBytes else { throw .tooLarge(byteCount: data.count, limit: maxBytes) }
        return try decode(bytes: [UInt8](data))
    }

    private static func decode(bytes: [UInt8]) throws(SourceTextError) -> String {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        try checkText(bytes, from: start)
        try validateUTF8(bytes, from: start)

        // Normalise line ends while copying; the output is never longer than the input.
        var out = [UInt8]()
        out.reserveCapacity(bytes.count - start)
        var allSpace = true
        var i = start
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x0D {
                out.append(0x0A)
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
            } else {
                if allSpace, byte != 0x20, byte != 0x09, byte != 0x0A, byte != 0x0C { allSpace = false }
                out.append(byte)
            }
            i += 1
        }
        if allSpace { throw .empty }
        return String(decoding: out, as: UTF8.self)
    }

    /// Refuses NUL bytes anywhere, and inputs whose first 8 KiB are more than a tenth control bytes
    /// (tab, LF, CR, form feed and ESC excepted: ESC is hostile text, not binary).
    private static func checkText(_ bytes: [UInt8], from start: Int) throws(SourceTextError) {
        var firstControl: Int?
        var controls = 0
        let sampleEnd = min(bytes.count, start + 8192)
        var i = start
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0 { throw .binary(offset: i) }
            if i < sampleEnd, byte < 0x20 || byte == 0x7F,
               byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C, byte != 0x1B {
                controls += 1
                if firstControl == nil { firstControl = i }
            }
            i += 1
        }
        let sampled = sampleEnd - start
        if let firstControl, controls * 10 > sampled { throw .binary(offset: firstControl) }
    }

    /// Strict UTF-8 validation (no overlong forms, surrogates or scalars above U+10FFFF),
    /// reporting the offset of the first bad sequence.
    private static func validateUTF8(_ bytes: [UInt8], from start: Int) throws(SourceTextError) {
        var i = start
        let n = bytes.count
        while i < n {
            let lead = bytes[i]
            if lead < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: throw .invalidUTF8(offset: i)
            }
            guard i + length <= n else { throw .invalidUTF8(offset: i) }
            let second = bytes[i + 1]
            guard second >= low, second <= high else { throw .invalidUTF8(offset: i) }
            var k = 2
            while k < length {
                guard bytes[i + k] & 0xC0 == 0x80 else { throw .invalidUTF8(offset: i) }
                k += 1
            }
            i += length
        }
    }
}
