import Testing
@testable import BriefTagger

@Suite("CoNLL files")
struct CoNLLCorpusTests {
    @Test("documents, sentences and tokens are read from the columns")
    func structure() throws {
        // Given two documents, the first with two sentences, with CRLF line ends in places
        let text = "-DOCSTART- -X- O\n\nKyiv NNP B-LOC\r\nsaid VBD O\n\nLavrov NNP B-PER\n-DOCSTART- -X- O\n\nNATO NNP B-ORG\n"
        let corpus = try CoNLLCorpus(bytes: Array(text.utf8), path: "t")
        // Then tokens are the first column and documents group sentences
        #expect(corpus.text.tokens.indices.map { corpus.text.text(of: $0) } == ["Kyiv", "said", "Lavrov", "NATO"])
        #expect(corpus.text.sentences == [0..<2, 2..<3, 3..<4])
        #expect(corpus.documents == [0..<2, 2..<3])
        #expect(try corpus.lastColumnLabels().map { BIOTagSet.names[$0] } == ["B-LOC", "O", "B-PER", "B-ORG"])
    }

    @Test("tab-separated columns get a tab-separated tag, and each line keeps its own line break")
    func tabs() throws {
        let corpus = try CoNLLCorpus(bytes: Array("Kyiv\tNNP\r\n\r\nsaid\tVBD\n\n".utf8), path: "t")
        let out = String(decoding: corpus.appendingLabels([5, 0]), as: UTF8.self)
        #expect(out == "Kyiv\tNNP\tB-LOC\r\n\r\nsaid\tVBD\tO\n\n")
    }

    @Test("a byte-order mark does not hide the first document start")
    func byteOrderMark() throws {
        let corpus = try CoNLLCorpus(bytes: [0xEF, 0xBB, 0xBF] + Array("-DOCSTART- O\n\nKyiv B-LOC\n".utf8), path: "t")
        #expect(corpus.text.tokens.count == 1)
        #expect(corpus.lines.first?.kind == .documentStart)
    }

    @Test("a file that is empty or only blank lines has no tokens and no error")
    func empty() throws {
        #expect(try CoNLLCorpus(bytes: [], path: "t").text.tokens.isEmpty)
        #expect(try CoNLLCorpus(bytes: Array("\n\n \n".utf8), path: "t").documents.isEmpty)
    }

    @Test("a single-column line cannot be scored and says where")
    func missingGold() {
        #expect(throws: TaggerError.malformedCoNLL("t", 2, "expected 2 or more columns, the last ones tags")) {
            try CoNLLCorpus(bytes: Array("Kyiv B-LOC\nsaid\n".utf8), path: "t").lastColumnLabels()
        }
    }
}
