/// A fixed set of packed word keys (`VerbKey`), asked about nearly every word of a story: a 1024-bit filter answers
/// most "no"s with one multiply and one load, a binary search over the sorted keys the rest. Cheaper than a
/// hashed `Set<UInt64>` for these per-word tests.
struct PackedKeySet: Sendable {
    private let keys: [UInt64]
    private let filter: [UInt64]

    init<S: Sequence>(_ keys: S) where S.Element == UInt64 {
        let sorted = Array(Set(keys)).sorted()
        var filter = [UInt64](repeating: 0, count: 16)
        for key in sorted {
            let bit = Self.bit(key)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.keys = sorted
        self.filter = filter
    }

    private static func bit(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 54) }

    /// The filter test is inlined where asked; only the keys it lets through are searched.
    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        let bit = Self.bit(key)
        guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return false }
        return search(key)
    }

    private func search(_ key: UInt64) -> Bool {
        var low = 0
        var high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < keys.count && keys[low] == key
    }
}
