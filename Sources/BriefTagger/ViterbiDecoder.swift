/// Finds the best-scoring well-formed BIO label sequence for a sentence: transitions that would put an
/// `I-X` after `O` or after another type (or at the start) are never taken.
public enum ViterbiDecoder {
    /// Decodes one sentence. Of equally good paths into a label, the one from the lowest label wins.
    /// - Parameters:
    ///   - emissions: `count × 9` scores, token-major.
    ///   - transitions: `9 × 9` scores, `[from * 9 + to]`.
    ///   - start: 9 scores for the first label.
    ///   - labels: receives `count` label indices.
    public static func decode(emissions: UnsafePointer<Float>, count: Int, transitions: UnsafePointer<Float>,
                              start: UnsafePointer<Float>, into labels: UnsafeMutablePointer<Int>) {
        guard count > 0 else { return }
        let L = BIOTagSet.count
        precondition(L == 9, "the decoder's lanes are laid out for 9 labels")
        let negative = -Float.greatestFiniteMagnitude
        // Back-pointers for every token.
        let back = UnsafeMutablePointer<UInt8>.allocate(capacity: count * L)
        defer { back.deallocate() }
        // Each label's transitions into labels 0–7 as one vector and into label 8 apart, a pair no path may take
        // (into an inside label from another than its begin or itself) -inf: a token's nine labels take their best
        // predecessors together, one predecessor at a time, in vector compares and selects instead of branches.
        // The sums are the same additions as one label at a time, and a predecessor replaces the best only when
        // strictly better, so the labels are the same too.
        withUnsafeTemporaryAllocation(of: SIMD8<Float>.self, capacity: L) { rows in
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 3 * L) { scores in
            let rowBase = rows.baseAddress.unsafelyUnwrapped
            let intoLast = scores.baseAddress.unsafelyUnwrapped + 2 * L
            for p in 0..<L {
                func allowed(_ l: Int) -> Bool { !BIOTagSet.isInside(l) || p == l - 1 || p == l }
                var row = SIMD8<Float>()
                for l in 0..<8 { row[l] = allowed(l) ? transitions[p * L + l] : -.infinity }
                (rowBase + p).initialize(to: row)
                intoLast[p] = allowed(8) ? transitions[p * L + 8] : -.infinity
            }
            var prev = scores.baseAddress.unsafelyUnwrapped
            var cur = prev + L
            for l in 0..<L {
                prev[l] = BIOTagSet.isInside(l) ? negative : start[l] + emissions[l]
            }
            for t in 1..<max(count, 1) {
                var best = SIMD8<Float>(repeating: -.infinity)
                var from = SIMD8<Int32>(repeating: 0)
                var bestLast = -Float.infinity
                var fromLast: Int32 = 0
                for p in 0..<L {
                    let score = prev[p]
                    let sums = SIMD8<Float>(repeating: score) + rowBase[p]
                    let better = sums .> best
                    best.replace(with: sums, where: better)
                    from.replace(with: Int32(p), where: better)
                    let sumLast = score + intoLast[p]
                    if sumLast > bestLast { bestLast = sumLast; fromLast = Int32(p) }
                }
                let e = emissions + t * L
                UnsafeMutableRawPointer(cur).storeBytes(of: best + UnsafeRawPointer(e).loadUnaligned(as: SIMD8<Float>.self),
                                                        as: SIMD8<Float>.self)
                cur[8] = bestLast + e[8]
                let row = back + t * L
                for l in 0..<8 { row[l] = UInt8(truncatingIfNeeded: from[l]) }
                row[8] = UInt8(truncatingIfNeeded: fromLast)
                swap(&prev, &cur)
            }
            var bestLabel = 0
            var bestScore = negative
            for l in 0..<L where prev[l] > bestScore {
                bestScore = prev[l]
                bestLabel = l
            }
            labels[count - 1] = bestLabel
            var t = count - 1
            while t > 0 {
                bestLabel = Int(back[t * L + bestLabel])
                labels[t - 1] = bestLabel
                t -= 1
            }
        }
        }
    }
}
