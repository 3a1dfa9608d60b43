/// Finds the best-scoring well-formed BIO label sequence for a sentence: transitions that would put an
/// `I-X` after `O` or after another type (or at the start) are never taken.
public enum ViterbiDecoder {
    /// Decodes one sentence.
    /// - Parameters:
    ///   - emissions: `count × 9` scores, token-major.
    ///   - transitions: `9 × 9` scores, `[from * 9 + to]`.
    ///   - start: 9 scores for the first label.
    ///   - labels: receives `count` label indices.
    public static func decode(emissions: UnsafePointer<Float>, count: Int, transitions: UnsafePointer<Float>,
                              start: UnsafePointer<Float>, into labels: UnsafeMutablePointer<Int>) {
        guard count > 0 else { return }
        let L = BIOTagSet.count
        let negative = -Float.greatestFiniteMagnitude
        // Back-pointers for every token.
        let back = UnsafeMutablePointer<UInt8>.allocate(capacity: count * L)
        defer { back.deallocate() }
        // Scores only for the previous and current token, on the stack.
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * L) { scores in
            var prev = scores.baseAddress.unsafelyUnwrapped
            var cur = prev + L
            for l in 0..<L {
                prev[l] = BIOTagSet.isInside(l) ? negative : start[l] + emissions[l]
            }
            for t in 1..<max(count, 1) {
                let e = emissions + t * L
                for l in 0..<L {
                    var best = negative
                    var arg = 0
                    if BIOTagSet.isInside(l) {
                        // Only B-X or I-X of the same type may precede I-X.
                        let b = l - 1
                        let sb = prev[b] + transitions[b * L + l]
                        let si = prev[l] + transitions[l * L + l]
                        if sb >= si { best = sb; arg = b } else { best = si; arg = l }
                    } else {
                        for p in 0..<L {
                            let s = prev[p] + transitions[p * L + l]
                            if s > best { best = s; arg = p }
                        }
                    }
                    cur[l] = best + e[l]
                    back[t * L + l] = UInt8(arg)
                }
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
