import Foundation

/// Exact-match entity scores in the manner of conlleval: an entity counts as found only when its start,
/// end and type all match the gold entity.
public struct ChunkScore: Sendable {
    /// Counts for one type (or overall).
    public struct Counts: Sendable, Hashable {
        public var gold = 0
        public var predicted = 0
        public var correct = 0

        public var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
        public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
        public var f1: Double {
            let p = precision, r = recall
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
    }

    public var overall = Counts()
    /// Per type, in `BIOTagSet.types` order.
    public var byType = [Counts](repeating: Counts(), count: 4)
    /// Tokens scored and tokens whose label matched.
    public var tokens = 0
    public var correctTokens = 0

    public init() {}

    /// Adds one sentence's gold and predicted labels.
    public mutating func add(gold: some Collection<Int>, predicted: some Collection<Int>) {
        let g = BIOTagSet.spans(gold), p = BIOTagSet.spans(predicted)
        tokens += gold.count
        for (a, b) in zip(gold, predicted) where a == b { correctTokens += 1 }
        for s in g { overall.gold += 1; byType[s.type].gold += 1 }
        for s in p { overall.predicted += 1; byType[s.type].predicted += 1 }
        var goldSet = Set<Int>()
        for s in g { goldSet.insert((s.start << 24) | (s.end << 3) | s.type) }
        for s in p where goldSet.contains((s.start << 24) | (s.end << 3) | s.type) {
            overall.correct += 1
            byType[s.type].correct += 1
        }
    }

    /// The types scored (`BIOTagSet.types` indices); the report lists only these.
    public var types: [Int] = Array(BIOTagSet.types.indices)

    /// Scores every sentence of `sentences` (ranges into both label arrays). With `types`, entities of other
    /// types count as outside in both (as for a corpus without MISC): they are neither missed nor spurious.
    public static func score(gold: [Int], predicted: [Int], sentences: [Range<Int>],
                             types: [EntityType]? = nil) -> ChunkScore {
        var score = ChunkScore()
        guard let types else {
            for s in sentences { score.add(gold: gold[s], predicted: predicted[s]) }
            return score
        }
        let kept = Set(types.compactMap { BIOTagSet.types.firstIndex(of: $0) })
        score.types = kept.sorted()
        func only(_ labels: ArraySlice<Int>) -> [Int] {
            labels.map { let t = BIOTagSet.typeIndex(of: $0); return t >= 0 && !kept.contains(t) ? 0 : $0 }
        }
        for s in sentences { score.add(gold: only(gold[s]), predicted: only(predicted[s])) }
        return score
    }

    /// A conlleval-style report: accuracy, then precision, recall and F1 overall and per type.
    public var report: String {
        func pct(_ x: Double) -> String { String(format: "%6.2f%%", x * 100) }
        var lines: [String] = []
        let accuracy = tokens == 0 ? 0 : Double(correctTokens) / Double(tokens)
        lines.append("processed \(tokens) tokens with \(overall.gold) phrases; found: \(overall.predicted) phrases; correct: \(overall.correct).")
        lines.append("accuracy: \(pct(accuracy)); precision: \(pct(overall.precision)); recall: \(pct(overall.recall)); FB1: \(String(format: "%6.2f", overall.f1 * 100))")
        for k in types {
            let type = BIOTagSet.types[k], c = byType[k]
            let name = type.rawValue.padding(toLength: 4, withPad: " ", startingAt: 0)
            lines.append("\(name): precision: \(pct(c.precision)); recall: \(pct(c.recall)); FB1: \(String(format: "%6.2f", c.f1 * 100))  \(c.predicted) found, \(c.gold) gold")
        }
        return lines.joined(separator: "\n")
    }
}
