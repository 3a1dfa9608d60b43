/// A structured averaged perceptron over the nine BIO labels with hashed feature rows, trained sentence by
/// sentence with constrained Viterbi decoding. Averaging uses the usual trick: keep `u`, the sum of
/// `step × update`, and read the average as `w - u / step`.
final class AveragedPerceptron {
    let bits: Int
    private var w: [Float]
    private var u: [Float]
    private var transitions = [Float](repeating: 0, count: 81)
    private var transitionsU = [Float](repeating: 0, count: 81)
    private var start = [Float](repeating: 0, count: 9)
    private var startU = [Float](repeating: 0, count: 9)
    private var step: Float = 1

    init(bits: Int) {
        self.bits = bits
        w = [Float](repeating: 0, count: (1 << bits) * 9)
        u = [Float](repeating: 0, count: (1 << bits) * 9)
    }

    /// One pass over `order` (sentence indices), learning from each sentence's mistakes.
    func epoch(order: [Int], sentences: [Range<Int>], matrices: [FeatureMatrix], gold: [Int]) {
        var emissions = [Float](repeating: 0, count: 9 * 256)
        var predicted = [Int](repeating: 0, count: 256)
        for s in order {
            let sentence = sentences[s]
            let n = sentence.count
            if emissions.count < n * 9 {
                emissions = [Float](repeating: 0, count: n * 9)
                predicted = [Int](repeating: 0, count: n)
            }
            Self.score(sentence: sentence, matrices: matrices, weights: w, into: &emissions)
            emissions.withUnsafeBufferPointer { e in
                transitions.withUnsafeBufferPointer { t in
                    start.withUnsafeBufferPointer { st in
                        predicted.withUnsafeMutableBufferPointer { p in
                            ViterbiDecoder.decode(emissions: e.baseAddress!, count: n, transitions: t.baseAddress!,
                                                  start: st.baseAddress!, into: p.baseAddress!)
                        }
                    }
                }
            }
            var wrong = false
            for k in 0..<n where predicted[k] != gold[sentence.lowerBound + k] { wrong = true; break }
            if wrong { update(sentence: sentence, predicted: predicted, matrices: matrices, gold: gold) }
            step += 1
        }
    }

    private func update(sentence: Range<Int>, predicted: [Int], matrices: [FeatureMatrix], gold: [Int]) {
        let c = step
        w.withUnsafeMutableBufferPointer { w in
            u.withUnsafeMutableBufferPointer { u in
                for (k, i) in sentence.enumerated() {
                    let g = gold[i], p = predicted[k]
                    guard g != p else { continue }
                    for m in matrices {
                        for r in m.rows[m.offsets[i]..<m.offsets[i + 1]] {
                            let base = Int(r) * 9
                            w[base + g] += 1
                            u[base + g] += c
                            w[base + p] -= 1
                            u[base + p] -= c
                        }
                    }
                }
            }
        }
        let g0 = gold[sentence.lowerBound], p0 = predicted[0]
        if g0 != p0 {
            start[g0] += 1; startU[g0] += c
            start[p0] -= 1; startU[p0] -= c
        }
        for k in 1..<max(sentence.count, 1) {
            let gi = (gold[sentence.lowerBound + k - 1], gold[sentence.lowerBound + k])
            let pi = (predicted[k - 1], predicted[k])
            guard gi != pi else { continue }
            transitions[gi.0 * 9 + gi.1] += 1; transitionsU[gi.0 * 9 + gi.1] += c
            transitions[pi.0 * 9 + pi.1] -= 1; transitionsU[pi.0 * 9 + pi.1] -= c
        }
    }

    /// The averaged weights: dense feature weights, transitions, start.
    func averaged() -> (weights: [Float], transitions: [Float], start: [Float]) {
        let c = step
        var avg = [Float](repeating: 0, count: w.count)
        for k in 0..<w.count where w[k] != 0 || u[k] != 0 { avg[k] = w[k] - u[k] / c }
        let t = (0..<81).map { transitions[$0] - transitionsU[$0] / c }
        let s = (0..<9).map { start[$0] - startU[$0] / c }
        return (avg, t, s)
    }

    /// Sums the weights of a sentence's feature rows into `emissions` (`count × 9`).
    static func score(sentence: Range<Int>, matrices: [FeatureMatrix], weights: [Float], into emissions: inout [Float]) {
        weights.withUnsafeBufferPointer { w in
            emissions.withUnsafeMutableBufferPointer { e in
                for k in 0..<(sentence.count * 9) { e[k] = 0 }
                for (k, i) in sentence.enumerated() {
                    let out = k * 9
                    for m in matrices {
                        m.rows.withUnsafeBufferPointer { rows in
                            for j in m.offsets[i]..<m.offsets[i + 1] {
                                let base = Int(rows[j]) * 9
                                for l in 0..<9 { e[out + l] += w[base + l] }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Decodes every sentence with given weights.
    static func decode(sentences: [Range<Int>], matrices: [FeatureMatrix], weights: [Float], transitions: [Float],
                       start: [Float], tokenCount: Int) -> [Int] {
        var labels = [Int](repeating: 0, count: tokenCount)
        var emissions = [Float](repeating: 0, count: 9 * 256)
        for sentence in sentences where !sentence.isEmpty {
            if emissions.count < sentence.count * 9 { emissions = [Float](repeating: 0, count: sentence.count * 9) }
            score(sentence: sentence, matrices: matrices, weights: weights, into: &emissions)
            emissions.withUnsafeBufferPointer { e in
                transitions.withUnsafeBufferPointer { t in
                    start.withUnsafeBufferPointer { st in
                        labels.withUnsafeMutableBufferPointer { p in
                            ViterbiDecoder.decode(emissions: e.baseAddress!, count: sentence.count,
                                                  transitions: t.baseAddress!, start: st.baseAddress!,
                                                  into: p.baseAddress! + sentence.lowerBound)
                        }
                    }
                }
            }
        }
        return labels
    }
}
