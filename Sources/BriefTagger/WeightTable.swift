import CPrefetch
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
    /// Which hashed rows are kept, 64 rows a word, each word followed by the number of kept rows before it
    /// (`[2k]` bits, `[2k + 1]` rank): a kept row's place in `quantised` is its rank plus the kept rows before it in
    /// its word, so a lookup reads one cache line here and one row of weights, with no probing. Most context
    /// features (unseen word pairs) are absent; they read the zero row at the end, so a lookup never branches on it.
    let directory: [UInt64]
    /// Kept rows' weights as stored (multiply by `scale`), 9 per row in row order, then the zero row.
    let quantised: [Int16]
    let scale: Float
    /// `[from * 9 + to]`.
    public let transitions: [Float]
    public let start: [Float]

    /// The file name of pass `n`'s table in a model directory.
    static func fileName(pass: Int) -> String { "pass\(pass).weights" }

    /// How many feature rows are kept.
    public var rowCount: Int { quantised.count / BIOTagSet.count - 1 }

    /// Pointers for fast lookups, valid inside `withTables`.
    struct Tables {
        let directory: UnsafePointer<UInt64>
        let weights: UnsafePointer<Int16>
        let scale: Float
        let shift: UInt64
        let zeroRow: Int

        /// The row of `weights` feature `hash` reads: its kept row, or the zero row when it is absent (so a lookup
        /// never branches on it; adding `+0` leaves every score as it was, scores being sums of weights from `+0`).
        @inline(__always)
        func row(_ hash: UInt64) -> Int {
            let index = Int(truncatingIfNeeded: hash >> shift)
            let at = (index >> 6) << 1
            let word = directory[at]
            let bit = UInt64(index & 63)
            let present = Int(truncatingIfNeeded: (word >> bit) & 1)
            let rank = Int(truncatingIfNeeded: directory[at | 1]) &+ (word & ((1 << bit) &- 1)).nonzeroBitCount
            return zeroRow ^ ((rank ^ zeroRow) & (0 &- present))
        }

        /// Starts bringing in the directory word feature `hash` reads.
        @inline(__always)
        func prefetchDirectory(_ hash: UInt64) {
            let index = Int(truncatingIfNeeded: hash >> shift)
            brief_prefetch(directory + ((index >> 6) << 1))
        }

        /// Starts bringing in row `row`'s weights.
        @inline(__always)
        func prefetchRow(_ row: Int) {
            brief_prefetch(weights + row &* 9)
        }

        /// Adds row `row`'s weights to `scores`, lane by lane (the same additions, in the same order, as one label at
        /// a time).
        @inline(__always)
        func accumulate(row: Int, into scores: inout LabelScores) {
            let w = weights + row &* 9
            let low = UnsafeRawPointer(w).loadUnaligned(as: SIMD8<Int16>.self)
            scores.low += SIMD8<Float>(SIMD8<Int32>(truncatingIfNeeded: low)) * scale
            scores.last += Float(w[8]) * scale
        }

        /// Adds the weights of feature `hash` to `scores` (9 floats).
        @inline(__always)
        func add(_ hash: UInt64, to scores: UnsafeMutablePointer<Float>) {
            var sum = LabelScores(scores)
            accumulate(row: row(hash), into: &sum)
            sum.store(to: scores)
        }
    }

    /// Calls `body` with the lookup tables.
    @inline(__always)
    func withTables<R>(_ body: (Tables) throws -> R) rethrows -> R {
        try directory.withUnsafeBufferPointer { d in
            try quantised.withUnsafeBufferPointer { w in
                try body(Tables(directory: d.baseAddress.unsafelyUnwrapped, weights: w.baseAddress.unsafelyUnwrapped,
                                scale: scale, shift: UInt64(64 - bits), zeroRow: rowCount))
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
        var quantised: [Int16] = []
        rows.reserveCapacity(norms.count)
        quantised.reserveCapacity((norms.count + 1) * L)
        for (r, _) in norms {
            rows.append(UInt32(r))
            for l in 0..<L { quantised.append(Int16((dense[r * L + l] / scale).rounded())) }
        }
        quantised.append(contentsOf: repeatElement(0, count: L))
        return WeightTable(bits: bits, rows: rows, quantised: quantised, transitions: transitions, start: start,
                           scale: scale)
    }

    /// `quantised` holds the rows' weights then the zero row; `rows` are ascending and inside the hashed space.
    private init(bits: Int, rows: [UInt32], quantised: [Int16], transitions: [Float], start: [Float], scale: Float) {
        self.bits = bits
        let words = max(1, (1 << bits) >> 6)
        var directory = [UInt64](repeating: 0, count: words * 2)
        for r in rows { directory[Int(r >> 6) << 1] |= 1 << UInt64(r & 63) }
        var rank: UInt64 = 0
        for k in 0..<words {
            directory[k << 1 | 1] = rank
            rank += UInt64(directory[k << 1].nonzeroBitCount)
        }
        self.directory = directory
        self.quantised = quantised
        self.transitions = transitions
        self.start = start
        self.scale = scale
    }

    /// The kept rows, ascending.
    private var rows: [UInt32] {
        var rows: [UInt32] = []
        rows.reserveCapacity(rowCount)
        for k in 0..<(directory.count / 2) {
            var word = directory[k << 1]
            while word != 0 {
                rows.append(UInt32(k << 6 + word.trailingZeroBitCount))
                word &= word - 1
            }
        }
        return rows
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
        for v in quantised.dropLast(BIOTagSet.count) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        try out.write(to: url)
    }

    /// Reads a table written by `write(to:)`.
    static func load(from url: URL) throws -> WeightTable {
        let file = try MappedFile(path: url.path)
        return try withExtendedLifetime(file) { () throws -> WeightTable in
            let raw = file.bytes
            func fail(_ why: String) -> TaggerError { .malformedModel(url.path, 0, why) }
            let header = 8 + 12 + 90 * 4
            guard raw.count >= header, (0..<8).allSatisfy({ raw[$0] == magic[$0] }) else { throw fail("not a weight table") }
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
            var ascending = true
            let rows = [UInt32](unsafeUninitializedCapacity: count) { buffer, initialised in
                var previous: Int64 = -1
                for k in 0..<count {
                    let r = u32(rowsAt + 4 * k)
                    if Int64(r) <= previous || Int(r) >= 1 << bits { ascending = false }
                    previous = Int64(r)
                    buffer[k] = r
                }
                initialised = count
            }
            if !ascending { throw fail("rows not ascending inside the hash space") }
            let weightsAt = rowsAt + 4 * count
            let values = count * 9
            let quantised = [Int16](unsafeUninitializedCapacity: values + 9) { buffer, initialised in
                guard let base = buffer.baseAddress else { return }
                UnsafeMutableRawPointer(base).copyMemory(from: raw.baseAddress.unsafelyUnwrapped + weightsAt,
                                                         byteCount: values * 2)
                for k in 0..<values { base[k] = Int16(littleEndian: base[k]) }
                for k in values..<(values + 9) { base[k] = 0 }
                initialised = values + 9
            }
            return WeightTable(bits: bits, rows: rows, quantised: quantised, transitions: transitions, start: start,
                               scale: scale)
        }
    }
}

extension WeightTable {
    /// The kept weights spread back over the whole hashed space (pruned rows zero), for training-time decoding.
    func denseWeights() -> [Float] {
        var dense = [Float](repeating: 0, count: (1 << bits) * 9)
        for (k, r) in rows.enumerated() {
            for l in 0..<9 { dense[Int(r) * 9 + l] = Float(quantised[k * 9 + l]) * scale }
        }
        return dense
    }
}
