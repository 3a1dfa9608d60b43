/// Every token's features as weight-row indices, flat, for fast training epochs.
struct FeatureMatrix {
    var rows: [Int32] = []
    /// Token `k`'s rows are `rows[offsets[k]..<offsets[k + 1]]`.
    var offsets: [Int] = [0]

    mutating func appendToken(_ hashes: [UInt64], bits: Int) {
        for h in hashes { rows.append(Int32(FeatureHash.row(h, bits: bits))) }
        offsets.append(rows.count)
    }
}
