/// The hashing behind feature ids: FNV-1a over UTF-8 bytes for strings, and a SplitMix-style mixer to
/// combine a template id with its values. Stable across runs and platforms, so a saved model stays valid.
public enum FeatureHash {
    /// FNV-1a 64 of a byte sequence.
    @inlinable
    public static func bytes(_ buffer: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in buffer {
            h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// FNV-1a 64 of a string's UTF-8.
    @inlinable
    public static func string(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// FNV-1a 64 of the UTF-8 of a run of scalars (equal to `string` of the same text).
    @inlinable
    public static func scalars(_ scalars: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for s in scalars {
            let v = s.value
            if v < 0x80 {
                h = (h ^ UInt64(v)) &* 0x0000_0100_0000_01B3
            } else {
                for b in UTF8.encode(s).unsafelyUnwrapped { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            }
        }
        return h
    }

    /// FNV-1a 64's offset basis: the hash of nothing, to `feed` scalars into.
    public static let basis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Feeds the UTF-8 of `scalar` into FNV-1a 64 hash `h`: fed scalar by scalar from `basis`, `h` ends as `scalars`
    /// of the same run.
    @inlinable
    public static func feed(_ h: inout UInt64, _ scalar: Unicode.Scalar) {
        let v = scalar.value
        if v < 0x80 {
            h = (h ^ UInt64(v)) &* 0x0000_0100_0000_01B3
        } else {
            for b in UTF8.encode(scalar).unsafelyUnwrapped { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        }
    }

    /// Combines two hashes (order matters).
    @inlinable
    public static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var z = a &+ 0x9E37_79B9_7F4A_7C15 &+ (b &* 0xBF58_476D_1CE4_E5B9)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Combines three hashes.
    @inlinable
    public static func mix(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 { mix(mix(a, b), c) }

    /// The weight row of a feature hash in a table of `1 << bits` rows.
    @inlinable
    public static func row(_ h: UInt64, bits: Int) -> Int { Int(truncatingIfNeeded: h >> UInt64(64 - bits)) }
}
