import Foundation

/// Carries C0 control characters through the XML parser, which refuses them (XML 1.0 allows only tab, line feed
/// and carriage return). A feed whose title holds an escape character is hostile text, not a broken feed: it must
/// be read and its text kept (the display neutralises it). So before parsing, each forbidden control (raw, or as
/// `&#27;`) is swapped for one of the 32 Unicode noncharacters U+FDD0…U+FDEF, which XML accepts and real text never
/// uses, and the parser's text is swapped back.
enum XMLControlCharacters {
    /// True for the C0 controls XML 1.0 forbids.
    static func isForbidden(_ code: UInt32) -> Bool {
        code < 0x20 && code != 0x09 && code != 0x0A && code != 0x0D
    }

    /// The UTF-8 bytes standing for forbidden control `code` while parsing.
    static func stand(in code: UInt32) -> [UInt8] {
        let value = 0xFDD0 + code
        return [UInt8(0xE0 | (value >> 12)), UInt8(0x80 | ((value >> 6) & 0x3F)), UInt8(0x80 | (value & 0x3F))]
    }

    /// `bytes` (valid UTF-8) with every forbidden control byte replaced by its stand-in; nil when there was none.
    static func hide(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.contains(where: { isForbidden(UInt32($0)) }) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        for byte in bytes {
            if isForbidden(UInt32(byte)) {
                out.append(contentsOf: stand(in: UInt32(byte)))
            } else {
                out.append(byte)
            }
        }
        return out
    }

    /// `text` from the parser with the stand-ins turned back into the control characters they hide.
    static func restore(_ text: String) -> String {
        // The stand-ins all start with the byte EF, which plain ASCII text never contains.
        // A feed's whole text passes here: memchr reads a contiguous one many bytes at a time.
        let mayHold = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, 0xEF, bytes.count) != nil } ?? false
        }
        guard mayHold ?? text.utf8.contains(0xEF) else { return text }
        var scalars = String.UnicodeScalarView()
        var changed = false
        for scalar in text.unicodeScalars {
            if (0xFDD0...0xFDEF).contains(scalar.value), let control = Unicode.Scalar(scalar.value - 0xFDD0) {
                scalars.append(control)
                changed = true
            } else {
                scalars.append(scalar)
            }
        }
        return changed ? String(scalars) : text
    }
}
