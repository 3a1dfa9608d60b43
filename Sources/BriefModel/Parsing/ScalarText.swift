/// Fast conversion of scalar arrays back to strings: encoding UTF-8 by hand is many times faster than
/// appending to a `String.UnicodeScalarView`, which matters on multi-megabyte inputs.
enum ScalarText {
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            let v = scalar.value
            switch v {
            case 0..<0x80:
                bytes.append(UInt8(v))
            case 0x80..<0x800:
                bytes.append(UInt8(0xC0 | (v >> 6)))
                bytes.append(UInt8(0x80 | (v & 0x3F)))
            case 0x800..<0x10000:
                bytes.append(UInt8(0xE0 | (v >> 12)))
                bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (v & 0x3F)))
            default:
                bytes.append(UInt8(0xF0 | (v >> 18)))
                bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
                bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func string(_ scalars: [Unicode.Scalar]) -> String { string(scalars[...]) }

    /// The text's scalars, decoded from its UTF-8 bytes in one pass (a `String` is always valid UTF-8).
    static func scalars(_ text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { bytes in
            var out = [Unicode.Scalar]()
            out.reserveCapacity(bytes.count)
            var i = 0
            let n = bytes.count
            while i < n {
                let (scalar, length) = decode(bytes, at: i)
                out.append(scalar)
                i += length
            }
            return out
        }
    }

    /// The scalar whose UTF-8 starts at `i` of valid UTF-8 `bytes` (a `String`'s), and its length in bytes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let b = UInt32(bytes[i])
        let v: UInt32, length: Int
        if b < 0x80 {
            return (Unicode.Scalar(UInt8(b)), 1)
        } else if b < 0xE0 {
            v = (b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
            length = 2
        } else if b < 0xF0 {
            v = (b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            length = 3
        } else {
            v = (b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                | UInt32(bytes[i + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", length)
    }

    // Character classes with an ASCII fast path: Unicode property look-ups are slow on long inputs.

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A }
        return s.properties.isAlphabetic
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return s == " " || s == "\t" || s == "\n" || s == "\r" || s == "\u{0C}" || s == "\u{0B}" }
        return s.properties.isWhitespace
    }

    /// Letters and digits.
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 0x30 && v <= 0x39) || ((v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A)
        }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// A lower-case letter, or a letter that has an upper-case form it is not in.
    static func isLowercase(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return s.value >= 0x61 && s.value <= 0x7A }
        return s.properties.isLowercase || (!s.properties.isUppercase && s.properties.changesWhenUppercased)
    }
}
