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
        var labels = [Int](repeating: -1, count: 3)
        // When decoded
        emissions.withUnsafeBufferPointer { e in
            transitions.withUnsafeBufferPointer { t in
                start.withUnsafeBufferPointer { s in
                    labels.withUnsafeMutableBufferPointer { out in
                        ViterbiDecoder.decode(emissions: e.baseAddress!, count: 3, transitions: t.baseAddress!,
                                              start: s.baseAddress!, into: out.baseAddress!)
                    }
                }
            }
        }
        // Then every adjacent pair is allowed
        #expect(BIOTagSet.allows(nil, labels[0]))
        for k in 1..<3 { #expect(BIOTagSet.allows(labels[k - 1], labels[k])) }
        #expect(!BIOTagSet.isInside(labels[0]))
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
