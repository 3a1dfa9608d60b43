import CPrefetch

/// An open-addressing table from a 64-bit hash (a word's or a name's, already well mixed) to a 32-bit value, in two
/// flat arrays, at most three quarters full. The packed model files store it as it is in memory, so loading one is a copy,
/// not a rebuild; a probe reads one key slot.
struct HashIndex: Sendable {
    /// Slot keys; 0 marks an empty slot (a key of 0 is stored as 1).
    private(set) var keys: [UInt64]
    private(set) var values: [UInt32]
    private(set) var count = 0
    private var mask: Int

    /// An empty table with room for `expected` keys before it grows.
    init(expected: Int = 0) {
        var slots = 16
        while slots * 3 < expected * 4 { slots <<= 1 }
        keys = [UInt64](repeating: 0, count: slots)
        values = [UInt32](repeating: 0, count: slots)
        mask = slots - 1
    }

    /// A table read back from its arrays (`PackedReader`); nil when they cannot be one.
    init?(keys: [UInt64], values: [UInt32], count: Int) {
        guard keys.count >= 16, keys.count & (keys.count - 1) == 0, values.count == keys.count,
              count >= 0, count * 4 <= keys.count * 3 else { return nil }
        self.keys = keys
        self.values = values
        self.count = count
        mask = keys.count - 1
    }

    @inline(__always)
    private func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask }

    /// The value stored for `key`, if any.
    @inline(__always)
    func find(_ key: UInt64) -> UInt32? {
        let k = key == 0 ? 1 : key
        var s = home(k)
        return keys.withUnsafeBufferPointer { slots in
            while true {
                let x = slots[s]
                if x == k { return values[s] }
                if x == 0 { return nil }
                s = (s + 1) & mask
            }
        }
    }

    /// Asks the processor to bring in the slot where a probe for `key` starts, ahead of `find(key)`: in a table larger
    /// than its caches, several probes asked for at once wait for memory together rather than one after another.
    @inline(__always)
    func prefetch(_ key: UInt64) {
        let s = home(key == 0 ? 1 : key)
        keys.withUnsafeBufferPointer { slots in
            if let base = slots.baseAddress { brief_prefetch(base + s) }
        }
    }

    /// Stores `value` for `key` when the key is new; else replaces the stored value by `merge(old, value)`.
    mutating func insert(_ key: UInt64, _ value: UInt32, merge: (UInt32, UInt32) -> UInt32 = { old, _ in old }) {
        if (count + 1) * 4 > keys.count * 3 { grow() }
        let k = key == 0 ? 1 : key
        var s = home(k)
        while keys[s] != 0 {
            if keys[s] == k {
                values[s] = merge(values[s], value)
                return
            }
            s = (s + 1) & mask
        }
        keys[s] = k
        values[s] = value
        count += 1
    }

    /// The stored values, in slot order (for checking them against what they index).
    func forEachValue(_ body: (UInt32) throws -> Void) rethrows {
        for s in keys.indices where keys[s] != 0 { try body(values[s]) }
    }

    /// Every stored key with its value, in slot order. A key stored as 1 because it was 0 is given as 1.
    func forEachEntry(_ body: (UInt64, UInt32) throws -> Void) rethrows {
        for s in keys.indices where keys[s] != 0 { try body(keys[s], values[s]) }
    }

    /// The same keys and values in the smallest table that holds `count + room` keys (for a packed file: the
    /// tables grow as they fill, and may end up mostly empty).
    func compacted(room: Int = 0) -> HashIndex {
        var smaller = HashIndex(expected: count + room)
        for s in keys.indices where keys[s] != 0 { smaller.insert(keys[s], values[s]) }
        return smaller
    }

    private mutating func grow() {
        var bigger = HashIndex(expected: keys.count)
        for s in keys.indices where keys[s] != 0 { bigger.insert(keys[s], values[s]) }
        self = bigger
    }
}
