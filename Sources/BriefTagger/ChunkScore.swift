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

    /// Scores every sentence of `sentences` (ranges into both label arrays).
    public static func score(gold: [Int], predicted: [Int], sentences: [Range<Int>]) -> ChunkScore {
        var score = ChunkScore()
        for s in sentences { score.add(gold: gold[s], predicted: predicted[s]) }
        return score
    }

    /// A conlleval-style report: accuracy, then precision, recall and F1 overall and per type.
    public var report: String {
        func pct(_ x: Double) -> String { String(format: "%6.2f%%", x * 100) }
        var lines: [String] = []
        let accuracy = tokens == 0 ? 0 : Double(correctTokens) / Double(tokens)
        lines.append("processed \(tokens) tokens with \(overall.gold) phrases; found: \(overall.predicted) phrases; correct: \(overall.correct).")
        lines.append("accuracy: \(pct(accuracy)); precision: \(pct(overall.precision)); recall: \(pct(overall.recall)); FB1: \(String(format: "%6.2f", overall.f1 * 100))")
        for (k, type) in BIOTagSet.types.enumerated() {
            let c = byType[k]
            let name = type.rawValue.padding(toLength: 4, withPad: " ", startingAt: 0)
            lines.append("\(name): precision: \(pct(c.precision)); recall: \(pct(c.recall)); FB1: \(String(format: "%6.2f", c.f1 * 100))  \(c.predicted)")
        }
        return lines.joined(separator: "\n")
    }
}
