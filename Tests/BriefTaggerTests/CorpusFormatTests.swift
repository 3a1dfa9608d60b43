import Foundation
import Testing
@testable import BriefTagger

@Suite("Corpus formats and scoring")
struct CorpusFormatTests {
    @Test("Given a tab-separated file with source tags after the tag, when gold labels are read, then column 2 is gold")
    func tabColumns() throws {
        let text = "-DOCSTART-\tO\tO\n\nAmara\tB-PER\tB-person\nvisited\tO\tO\nGeneva\tB-LOC\tB-city\n\n"
        let corpus = try CoNLLCorpus(bytes: Array(text.utf8), path: "t")
        #expect(try corpus.goldLabels().map { BIOTagSet.names[$0] } == ["B-PER", "O", "B-LOC"])
        // A prediction appended by `brief tag --conll`: gold stays column 2.
        let predicted = try CoNLLCorpus(bytes: corpus.appendingLabels([1, 0, 0]), path: "p")
        #expect(try predicted.goldLabelsBeforePrediction().map { BIOTagSet.names[$0] } == ["B-PER", "O", "B-LOC"])
        #expect(try predicted.lastColumnLabels() == [1, 0, 0])
    }

    @Test("Given a space-separated CoNLL-2003 file, when gold labels are read, then the last column is gold")
    func spaceColumns() throws {
        let corpus = try CoNLLCorpus(bytes: Array("Kyiv NNP I-NP B-LOC\nsaid VBD I-VP O\n".utf8), path: "c")
        #expect(try corpus.goldLabels() == [5, 0])
    }

    @Test("Given gold without MISC, when scored on PER, ORG and LOC only, then a predicted MISC is neither missed nor spurious")
    func typeFilter() throws {
        // Gold: PER, O, LOC; predicted: PER, MISC, LOC.
        let gold = [1, 0, 5], predicted = [1, 7, 5]
        let all = ChunkScore.score(gold: gold, predicted: predicted, sentences: [0..<3])
        #expect(all.overall.precision < 1)
        let some = ChunkScore.score(gold: gold, predicted: predicted, sentences: [0..<3],
                                    types: [.person, .organisation, .place])
        #expect(some.overall.precision == 1)
        #expect(some.overall.recall == 1)
        #expect(!some.report.contains("MISC"))
        #expect(some.report.contains("LOC "))
    }

    @Test("Given two files with weights, when mixed, then documents repeat for whole weights and an even share is taken for fractions")
    func mixWeights() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("brief-mix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.txt"), b = dir.appendingPathComponent("b.conll")
        try Data("-DOCSTART- O\n\nKyiv B-LOC\n\n-DOCSTART- O\n\nOslo B-LOC\n\n".utf8).write(to: a)
        // No -DOCSTART-: cut into documents of `sentencesPerDocument` sentences (here 24 sentences, 2 documents).
        try Data(String(repeating: "Amara\tB-PER\n\n", count: 24).utf8).write(to: b)
        let mix = try CorpusMix.corpus([CorpusMix.Part(path: a.path, weight: 2), CorpusMix.Part(path: b.path, weight: 0.5)])
        #expect(mix.documents.count == 4 + 1)
        let gold = try mix.goldLabels()
        #expect(gold.filter { $0 == 5 }.count == 4)
        #expect(gold.filter { $0 == 1 }.count == CorpusMix.sentencesPerDocument)
        #expect(CorpusMix.Part(argument: "x.conll@0.5")?.weight == 0.5)
        #expect(CorpusMix.Part(argument: "x.conll@20") == nil)
        #expect(CorpusMix.Part(argument: "x.conll")?.weight == 1)
    }
}
