import Testing
@testable import BriefTagger

@Suite("Decoding")
struct DecodingTests {
    @Test("Viterbi never puts I- after O, at a start, or after another type")
    func constrainedDecoding() {
        // Given emissions that strongly prefer I-PER at the start and I-LOC right after B-PER
        let L = BIOTagSet.count
        var emissions = [Float](repeating: 0, count: 3 * L)
        emissions[0 * L + 2] = 10 // I-PER first
        emissions[1 * L + 6] = 10 // I-LOC second
        emissions[1 * L + 1] = 1
        emissions[2 * L + 0] = 1
        let transitions = [Float](repeating: 0, count: L * L)
        let start = [Float](repeating: 0, count: L)
        // When decoded
        let labels = Self.decode(emissions, count: 3, transitions: transitions, start: start)
        // Then every adjacent pair is allowed
        #expect(BIOTagSet.allows(nil, labels[0]))
        for k in 1..<3 { #expect(BIOTagSet.allows(labels[k - 1], labels[k])) }
        #expect(!BIOTagSet.isInside(labels[0]))
    }

    @Test("Viterbi finds the best well-formed path, the lowest predecessor winning ties, as a label-by-label search")
    func decodingMatchesReference() {
        // Given random sentences of 1 to 12 tokens: scores of whole numbers (many ties) and of fractions
        let L = BIOTagSet.count
        var random = SplitMix64(seed: 7)
        func score(_ whole: Bool) -> Float {
            let r = Float(random.next() % 2001) / 200 - 5
            return whole ? r.rounded() : r
        }
        for round in 0..<400 {
            let whole = round % 2 == 0
            let count = 1 + round % 12
            let emissions = (0..<(count * L)).map { _ in score(whole) }
            let transitions = (0..<(L * L)).map { _ in score(whole) }
            let start = (0..<L).map { _ in score(whole) }
            // When decoded
            let labels = Self.decode(emissions, count: count, transitions: transitions, start: start)
            // Then the labels are those of a plain search over every allowed predecessor, one label at a time
            #expect(labels == Self.reference(emissions, count: count, transitions: transitions, start: start))
        }
    }

    private static func decode(_ emissions: [Float], count: Int, transitions: [Float], start: [Float]) -> [Int] {
        var labels = [Int](repeating: -1, count: count)
        emissions.withUnsafeBufferPointer { e in
            transitions.withUnsafeBufferPointer { t in
                start.withUnsafeBufferPointer { s in
                    labels.withUnsafeMutableBufferPointer { out in
                        ViterbiDecoder.decode(emissions: e.baseAddress!, count: count, transitions: t.baseAddress!,
                                              start: s.baseAddress!, into: out.baseAddress!)
                    }
                }
            }
        }
        return labels
    }

    /// Viterbi one predecessor at a time: the first strictly better predecessor wins.
    private static func reference(_ emissions: [Float], count: Int, transitions: [Float], start: [Float]) -> [Int] {
        let L = BIOTagSet.count
        let negative = -Float.greatestFiniteMagnitude
        var prev = (0..<L).map { BIOTagSet.isInside($0) ? negative : start[$0] + emissions[$0] }
        var back: [[Int]] = [Array(repeating: 0, count: L)]
        for t in 1..<count {
            var cur = [Float](repeating: 0, count: L), from = [Int](repeating: 0, count: L)
            for l in 0..<L {
                var best = negative, arg = 0
                let allowed = BIOTagSet.isInside(l) ? [l - 1, l] : Array(0..<L)
                for p in allowed where prev[p] + transitions[p * L + l] > best || p == allowed[0] {
                    best = prev[p] + transitions[p * L + l]
                    arg = p
                }
                cur[l] = best + emissions[t * L + l]
                from[l] = arg
            }
            back.append(from)
            prev = cur
        }
        var label = 0
        for l in 0..<L where prev[l] > prev[label] { label = l }
        var labels = [label]
        for t in stride(from: count - 1, to: 0, by: -1) {
            label = back[t][label]
            labels.insert(label, at: 0)
        }
        return labels
    }

    @Test("spans are read conlleval style")
    func spans() {
        let labels = [1, 2, 0, 6, 5, 6, 3, 3].map { $0 } // B-PER I-PER O I-LOC B-LOC I-LOC B-ORG B-ORG
        let spans = BIOTagSet.spans(labels)
        #expect(spans.map { [$0.start, $0.end, $0.type] } == [[0, 2, 0], [3, 4, 2], [4, 6, 2], [6, 7, 1], [7, 8, 1]])
    }

    @Test("chunk scores count exact matches only")
    func scoring() {
        var score = ChunkScore()
        score.add(gold: [1, 2, 0, 5], predicted: [1, 0, 0, 5])
        #expect(score.overall.gold == 2)
        #expect(score.overall.predicted == 2)
        #expect(score.overall.correct == 1)
        #expect(score.byType[2].f1 == 1)
    }
}
