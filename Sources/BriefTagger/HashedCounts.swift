/// A small open-addressing map from a word's 64-bit hash to an `Int32`, for the per-document tallies the features
/// need (how often a word is seen capitalised, its group, its counts): a probe is a multiply and a compare, where
/// `Dictionary` hashes the hash again with SipHash. Reuse one across documents with `removeAll()`.
struct HashedCounts {
    private var keys: [UInt64]
    private var values: [Int32]
    private var used: [Int32] = []
    private var mask: Int
    /// The value of key 0, which marks empty slots.
    private var zeroValue: Int32?

    init(capacity: Int = 64) {
        var slots = 64
        while slots < capacity * 2 { slots <<= 1 }
        keys = [UInt64](repeating: 0, count: slots)
        values = [Int32](repeating: 0, count: slots)
        mask = slots - 1
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        var s = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while keys[s] != 0 && keys[s] != key { s = (s + 1) & mask }
        return s
    }

    /// Whether no key is stored.
    var isEmpty: Bool { used.isEmpty && zeroValue == nil }

    /// The value stored for `key`, if any.
    @inline(__always)
    subscript(key: UInt64) -> Int32? {
        if key == 0 { return zeroValue }
        let s = slot(key)
        return keys[s] == 0 ? nil : values[s]
    }

    /// The value for `key`, inserting `initial` when it is new, then changed by `update`.
    @inline(__always)
    mutating func update(_ key: UInt64, initial: Int32, _ update: (inout Int32) -> Void) {
        if key == 0 {
            var v = zeroValue ?? initial
            update(&v)
            zeroValue = v
            return
        }
        var s = slot(key)
        if keys[s] == 0 {
            if (used.count + 1) * 2 > keys.count {
                grow()
                s = slot(key)
            }
            keys[s] = key
            values[s] = initial
            used.append(Int32(s))
        }
        update(&values[s])
    }

    /// Empties the map, keeping its room.
    mutating func removeAll() {
        for s in used {
            keys[Int(s)] = 0
        }
        used.removeAll(keepingCapacity: true)
        zeroValue = nil
    }

    private mutating func grow() {
        let old = used.map { (keys[Int($0)], values[Int($0)]) }
        let slots = keys.count * 2
        keys = [UInt64](repeating: 0, count: slots)
        values = [Int32](repeating: 0, count: slots)
        mask = slots - 1
        used.removeAll(keepingCapacity: true)
        for (k, v) in old {
            let s = slot(k)
            keys[s] = k
            values[s] = v
            used.append(Int32(s))
        }
    }
}
