import Foundation

/// The weights of one trained pass: for each kept feature row, one weight per label, plus label
/// transition and start weights. Feature hashes map to rows through a flat index, so a lookup is two
/// array reads.
///
/// On disk (little-endian): `BRNERW1\0`, hash bits (UInt32), row count (UInt32), scale (Float32),
/// 81 transition and 9 start weights (Float32), row ids (UInt32, ascending), then 9 Int16 weights per row
/// (multiply by the scale).
public final class WeightTable: Sendable {
    private static let magic: [UInt8] = Array("BRNERW1\0".utf8)

    /// log2 of the hashed feature space.
    public let bits: Int
    /// Open-addressing table of kept rows: each slot holds row id + 1 in its high 32 bits (0 empty) and the
    /// row's index in `weights` in its low 32 bits, so a probe reads one word. At most half full.
    let slots: [UInt64]
    let slotMask: Int
    /// One bit per hashed row, set for kept rows: most context features (unseen word pairs) are absent, and
    /// this half-megabyte filter answers them without touching the larger slot table.
    let filter: [UInt64]
    /// Kept rows' weights, 9 per row.
    let weights: [Float]
    /// `[from * 9 + to]`.
    public let transitions: [Float]
    public let start: [Float]

    /// The file name of pass `n`'s table in a model directory.
    static func fileName(pass: Int) -> String { "pass\(pass).weights" }

    /// How many feature rows are kept.
    public var rowCount: Int { weights.count / BIOTagSet.count }

    /// Pointers for fast lookups, valid inside `withTables`.
    struct Tables {
        let filter: UnsafeBufferPointer<UInt64>
        let slots: UnsafeBufferPointer<UInt64>
        let weights: UnsafeBufferPointer<Float>
        let mask: Int
        let bits: Int

        /// Adds the weights of feature `hash` to `scores` (9 floats).
        @inline(__always)
        func add(_ hash: UInt64, to scores: UnsafeMutablePointer<Float>) {
            let index = FeatureHash.row(hash, bits: bits)
            if filter[index >> 6] & (1 << UInt64(index & 63)) == 0 { return }
            let row = UInt32(truncatingIfNeeded: index) &+ 1
            var s = Int(truncatingIfNeeded: (UInt64(row) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
            while true {
                let slot = slots[s]
                let key = UInt32(truncatingIfNeeded: slot >> 32)
                if key == row {
                    let w = Int(UInt32(truncatingIfNeeded: slot)) * 9
                    for l in 0..<9 { scores[l] += weights[w + l] }
                    return
                }
                if key == 0 { return }
                s = (s + 1) & mask
            }
        }
    }

    /// Calls `body` with the lookup tables.
    @inline(__always)
    func withTables<R>(_ body: (Tables) throws -> R) rethrows -> R {
        try filter.withUnsafeBufferPointer { f in
            try slots.withUnsafeBufferPointer { k in
                try weights.withUnsafeBufferPointer { w in
                    try body(Tables(filter: f, slots: k, weights: w, mask: slotMask, bits: bits))
                }
            }
        }
    }

    /// Builds a table from dense averaged weights, keeping at most `maxRows` rows with the largest weights
    /// and quantising them to 16 bits.
    static func pruned(bits: Int, dense: [Float], transitions: [Float], start: [Float], maxRows: Int) -> WeightTable {
        let L = BIOTagSet.count
        let rowTotal = dense.count / L
        var norms: [(row: Int, norm: Float)] = []
        for r in 0..<rowTotal {
            var n: Float = 0
            for l in 0..<L { n += abs(dense[r * L + l]) }
            if n > 0 { norms.append((r, n)) }
        }
        if norms.count > maxRows {
            norms.sort { $0.norm != $1.norm ? $0.norm > $1.norm : $0.row < $1.row }
            norms.removeLast(norms.count - maxRows)
        }
        norms.sort { $0.row < $1.row }
        var maxAbs: Float = 0
        for (r, _) in norms { for l in 0..<L { maxAbs = max(maxAbs, abs(dense[r * L + l])) } }
        let scale = maxAbs > 0 ? maxAbs / 32767 : 1
        var rows: [UInt32] = []
        var weights: [Float] = []
        rows.reserveCapacity(norms.count)
        weights.reserveCapacity(norms.count * L)
        for (r, _) in norms {
            rows.append(UInt32(r))
            for l in 0..<L { weights.append(Float(Int16((dense[r * L + l] / scale).rounded())) * scale) }
        }
        return WeightTable(bits: bits, rows: rows, weights: weights, transitions: transitions, start: start,
                           scale: scale)
    }

    private let scale: Float
    private let rows: [UInt32]

    private init(bits: Int, rows: [UInt32], weights: [Float], transitions: [Float], start: [Float], scale: Float) {
        self.bits = bits
        var count = 1024
        while count < rows.count * 2 { count <<= 1 }
        var table = [UInt64](repeating: 0, count: count)
        let mask = count - 1
        for (k, r) in rows.enumerated() {
            let key = r &+ 1
            var s = Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
            while table[s] != 0 { s = (s + 1) & mask }
            table[s] = UInt64(key) << 32 | UInt64(UInt32(k))
        }
        slots = table
        slotMask = mask
        var bitset = [UInt64](repeating: 0, count: max(1, (1 << bits) >> 6))
        for r in rows where Int(r) < 1 << bits { bitset[Int(r) >> 6] |= 1 << UInt64(r & 63) }
        filter = bitset
        self.weights = weights
        self.transitions = transitions
        self.start = start
        self.scale = scale
        self.rows = rows
    }

    /// Writes the table to `url`.
    func write(to url: URL) throws {
        var out = Data()
        out.append(contentsOf: Self.magic)
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func f32(_ v: Float) { u32(v.bitPattern) }
        u32(UInt32(bits))
        u32(UInt32(rows.count))
        f32(scale)
        for v in transitions { f32(v) }
        for v in start { f32(v) }
        for r in rows { u32(r) }
        var q = [Int16](repeating: 0, count: weights.count)
        for (k, w) in weights.enumerated() { q[k] = Int16(clamping: Int((w / scale).rounded())) }
        for v in q { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        try out.write(to: url)
    }

    /// Reads a table written by `write(to:)`.
    static func load(from url: URL) throws -> WeightTable {
        let bytes = try FileBytes.read(url.path)
        return try bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> WeightTable in
            func fail(_ why: String) -> TaggerError { .malformedModel(url.path, 0, why) }
            let header = 8 + 12 + 90 * 4
            guard raw.count >= header, Array(raw[0..<8]) == magic else { throw fail("not a weight table") }
            func u32(_ at: Int) -> UInt32 { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
            let bits = Int(u32(8)), count = Int(u32(12))
            let scale = Float(bitPattern: u32(16))
            guard bits >= 8, bits <= 26 else { throw fail("hash bits \(bits) out of range") }
            guard raw.count == header + count * 4 + count * 18 else { throw fail("size does not match \(count) rows") }
            var offset = 20
            var transitions = [Float](repeating: 0, count: 81)
            for k in 0..<81 { transitions[k] = Float(bitPattern: u32(offset)); offset += 4 }
            var start = [Float](repeating: 0, count: 9)
            for k in 0..<9 { start[k] = Float(bitPattern: u32(offset)); offset += 4 }
            // Rows and weights straight into uninitialised arrays: millions of values, read at every start.
            let rowsAt = offset
            var outside = false
            let rows = [UInt32](unsafeUninitializedCapacity: count) { buffer, initialised in
                for k in 0..<count {
                    let r = u32(rowsAt + 4 * k)
                    if Int(r) >= 1 << bits { outside = true }
                    buffer[k] = r
                }
                initialised = count
            }
            if outside { throw fail("a row outside the hash space") }
            let weightsAt = rowsAt + 4 * count
            let weights = [Float](unsafeUninitializedCapacity: count * 9) { buffer, initialised in
                for k in 0..<(count * 9) {
                    buffer[k] = Float(Int16(littleEndian: raw.loadUnaligned(fromByteOffset: weightsAt + 2 * k, as: Int16.self))) * scale
                }
                initialised = count * 9
            }
            return WeightTable(bits: bits, rows: rows, weights: weights, transitions: transitions, start: start,
                               scale: scale)
        }
    }
}

extension WeightTable {
    /// The kept weights spread back over the whole hashed space (pruned rows zero), for training-time decoding.
    func denseWeights() -> [Float] {
        var dense = [Float](repeating: 0, count: (1 << bits) * 9)
        for (k, r) in rows.enumerated() {
            for l in 0..<9 { dense[Int(r) * 9 + l] = weights[k * 9 + l] }
        }
        return dense
    }
}
