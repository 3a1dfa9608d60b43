/// Fast conversion of scalar arrays back to strings: encoding UTF-8 by hand is many times faster than
/// appending to a `String.UnicodeScalarView`, which matters on multi-megabyte inputs.
enum ScalarText {
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        // The UTF-8 length first, then the bytes written straight into the string (short words stay inline).
        var length = 0
        for scalar in scalars {
            let v = scalar.value
            length += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
        }
        return String(unsafeUninitializedCapacity: length) { out in
            var k = 0
            for scalar in scalars {
                let v = scalar.value
                switch v {
                case 0..<0x80:
                    out[k] = UInt8(v)
                    k += 1
                case 0x80..<0x800:
                    out[k] = UInt8(0xC0 | (v >> 6))
                    out[k + 1] = UInt8(0x80 | (v & 0x3F))
                    k += 2
                case 0x800..<0x10000:
                    out[k] = UInt8(0xE0 | (v >> 12))
                    out[k + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    out[k + 2] = UInt8(0x80 | (v & 0x3F))
                    k += 3
                default:
                    out[k] = UInt8(0xF0 | (v >> 18))
                    out[k + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                    out[k + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    out[k + 3] = UInt8(0x80 | (v & 0x3F))
                    k += 4
                }
            }
            return k
        }
    }

    static func string(_ scalars: [Unicode.Scalar]) -> String { string(scalars[...]) }

    /// The text's scalars, decoded from its UTF-8 bytes in one pass (a `String` is always valid UTF-8).
    static func scalars(_ text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { bytes in
            // One scalar for each byte that does not continue another: the array is made at its size.
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return [Unicode.Scalar](unsafeUninitializedCapacity: count) { out, written in
                if count == bytes.count {
                    // Plain ASCII: a scalar for each byte.
                    for i in 0..<count { out[i] = Unicode.Scalar(bytes[i]) }
                    written = count
                    return
                }
                var i = 0
                var k = 0
                let n = bytes.count
                while i < n, k < count {
                    let (scalar, length) = decode(bytes, at: i)
                    out[k] = scalar
                    k += 1
                    i += length
                }
                written = k
            }
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
