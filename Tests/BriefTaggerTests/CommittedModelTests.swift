import Foundation
import Testing
@testable import BriefTagger

/// Tests against the model committed in Resources/ner (found relative to this file).
@Suite("Committed model")
struct CommittedModelTests {
    static let modelDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Resources/ner", isDirectory: true)

    static let tagger: Tagger? = try? Tagger.load(from: modelDirectory)

    private func load() throws -> Tagger {
        try #require(Self.tagger, "the committed model loads from \(Self.modelDirectory.path)")
    }

    @Test("the committed model scores at least 0.85 F1 on our foreign-affairs fixture")
    func qualityFloor() throws {
        let tagger = try load()
        let corpus = try CoNLLCorpus(bytes: Array(ForeignAffairsFixture.conll.utf8), path: "fixture")
        let gold = try corpus.lastColumnLabels()
        let labels = tagger.labels(for: corpus.text, documents: corpus.documents)
        let score = ChunkScore.score(gold: gold, predicted: labels, sentences: corpus.text.sentences)
        #expect(score.overall.f1 >= 0.85, "\(score.report)")
    }

    @Test("mentions carry scalar offsets into the text, titles trimmed, and link within the document")
    func tagging() throws {
        let tagger = try load()
        let text = "🇷🇺 Russian Foreign Minister Sergei Lavrov met Turkish officials in Ankara. Lavrov said talks went well."
        let mentions = tagger.tag(text)
        let scalars = Array(text.unicodeScalars)
        for m in mentions {
            #expect(String(String.UnicodeScalarView(scalars[m.start..<m.end])) == m.text)
        }
        let people = mentions.filter { $0.type == .person }
        #expect(people.map(\.text) == ["Sergei Lavrov", "Lavrov"])
        #expect(people.allSatisfy { $0.entity == "PER:sergei-lavrov" })
        #expect(mentions.contains { $0.text == "Ankara" && $0.type == .place })
    }

    @Test("tagging a document links across paragraphs and counts mentions")
    func documents() throws {
        let tagger = try load()
        let result = tagger.tagDocument(["Antonio Guterres arrived in Geneva on Monday.",
                                         "Guterres told reporters the United Nations would help."])
        #expect(result.mentions.count == 2)
        let guterres = result.entities.first { $0.key == "PER:antonio-guterres" }
        #expect(guterres?.mentions == 2)
        #expect(result.mentions[1].first?.entity == "PER:antonio-guterres")
    }

    @Test("awkward input gives a result, never a trap")
    func awkwardInput() throws {
        let tagger = try load()
        #expect(tagger.tag("").isEmpty)
        #expect(tagger.tag("12345 ... !!! 42%").isEmpty)
        _ = tagger.tag(String(repeating: "Ab", count: 5_000))
        _ = tagger.tag("\u{1B}[31mRed\u{1B}[0m \u{202E}Moscow\u{202C} \u{0}")
        let result = tagger.tagDocument([])
        #expect(result.mentions.isEmpty && result.entities.isEmpty)
    }

    @Test("a malformed CoNLL line is reported with its line number")
    func malformedCoNLL() {
        #expect(throws: TaggerError.malformedCoNLL("f", 3, "line starts with whitespace; expected a token in the first column")) {
            try CoNLLCorpus(bytes: Array("A O\n\n  B O\n".utf8), path: "f")
        }
        #expect(throws: TaggerError.malformedCoNLL("f", 2, "not valid UTF-8")) {
            try CoNLLCorpus(bytes: Array("A O\n".utf8) + [0xFF, 0x20, 0x4F, 0x0A], path: "f")
        }
        #expect(throws: TaggerError.self) {
            try CoNLLCorpus(bytes: Array("A O\nB X-PER\n".utf8), path: "f").lastColumnLabels()
        }
    }

    @Test("CoNLL output appends one tag per token line and keeps the rest")
    func conllOutput() throws {
        let tagger = try load()
        let input = "-DOCSTART- -X- O\n\nSergei NNP\nLavrov NNP\nvisited VBD\nAnkara NNP\n\n"
        let corpus = try CoNLLCorpus(bytes: Array(input.utf8), path: "f")
        let out = String(decoding: corpus.appendingLabels(tagger.labels(for: corpus.text, documents: corpus.documents)),
                         as: UTF8.self)
        #expect(out == "-DOCSTART- -X- O\n\nSergei NNP B-PER\nLavrov NNP I-PER\nvisited VBD O\nAnkara NNP B-LOC\n\n")
    }
}
