import Testing
@testable import BriefTagger

/// The tagger scores a document's tokens a block at a time (`PassScorer.emissions`), working out their context
/// features block by block in each pass; a document of several blocks must be tagged as if it were one.
@Suite("Documents longer than one block of tokens")
struct LongDocumentTests {
    static let sentence = "Foreign Minister Anna Kowalska met envoys of the European Union in Brussels on Monday."

    @Test("Every copy of a sentence repeated over several blocks is labelled alike, names included")
    func copiesAlike() throws {
        let tagger = try #require(CommittedModelTests.tagger, "the committed model loads")
        // Given one document of 1,500 copies of a sentence: over 20,000 tokens, three blocks
        let text = Array(repeating: Self.sentence, count: 1500).joined(separator: " ")
        let tokenized = tagger.tokenizer.tokenize(text)
        #expect(tokenized.sentences.count == 1500 && tokenized.tokens.count > 20_000)
        // When it is labelled as one document
        let labels = tagger.labels(for: tokenized, documents: [0..<tokenized.sentences.count])
        // Then the first copy holds a person, an organisation and a place
        let first = Array(labels[tokenized.sentences[0]])
        let types = Set(BIOTagSet.spans(first).map(\.type))
        #expect(types.count >= 3, "\(first)")
        // And every other copy, in whichever block, has the same labels
        let differing = tokenized.sentences.indices.filter { Array(labels[tokenized.sentences[$0]]) != first }
        #expect(differing.count == 0, "copies labelled otherwise, the first: \(differing.prefix(10))")
    }
}
