import Foundation
import Testing
@testable import BriefTagger

/// Our own gold annotation of the 27 bundled samples (`Resources/eval/samples.conll`) against the committed model.
@Suite("Committed model on the samples' gold annotation")
struct SampleGoldTests {
    static let gold = CommittedModelTests.modelDirectory.deletingLastPathComponent()
        .appendingPathComponent("eval/samples.conll")

    @Test("the gold annotation covers the 27 samples and the committed model scores at least 0.90 F1 on it")
    func samplesGold() throws {
        let tagger = try #require(CommittedModelTests.tagger, "the committed model loads")
        let corpus = try CoNLLCorpus(bytes: [UInt8](try Data(contentsOf: Self.gold)), path: Self.gold.path)
        #expect(corpus.documents.count == 27)
        let gold = try corpus.lastColumnLabels()
        let labels = tagger.labels(for: corpus.text, documents: corpus.documents)
        let score = ChunkScore.score(gold: gold, predicted: labels, sentences: corpus.text.sentences)
        #expect(score.overall.f1 >= 0.90, "\(score.report)")
    }
}
