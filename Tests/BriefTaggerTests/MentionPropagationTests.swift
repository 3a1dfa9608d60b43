import Testing
@testable import BriefTagger

@Suite("Mention propagation")
struct MentionPropagationTests {
    private let lexicon = Lexicon(entries: ["bush": LexiconEntry(frequency: 9)])

    private func run(_ text: String, _ tags: [String]) -> [String] {
        let tokens = Tokenizer().tokenize(text)
        var labels = tags.map { BIOTagSet.index(of: $0) ?? 0 }
        MentionPropagation.propagate(text: tokens, sentences: tokens.sentences[...], labels: &labels, lexicon: lexicon)
        return labels.map { BIOTagSet.names[$0] }
    }

    @Test("a surname left untagged is tagged when the full name appears in the document")
    func surnames() {
        // Given a full name tagged and the surname alone untagged at a sentence start
        let result = run("Sergei Lavrov spoke. Lavrov left.", ["B-PER", "I-PER", "O", "O", "O", "O", "O"])
        // Then the surname becomes a person
        #expect(result == ["B-PER", "I-PER", "O", "O", "B-PER", "O", "O"])
    }

    @Test("a word also written in lower case, or next to another entity, is left alone")
    func cautious() {
        let lower = run("George Bush spoke. Bush fires burn in the bush.",
                        ["B-PER", "I-PER", "O", "O", "O", "O", "O", "O", "O", "O", "O"])
        #expect(lower[4] == "O")
        let adjacent = run("Lavrov spoke. Lavrov Moscow left.", ["B-PER", "O", "O", "O", "B-LOC", "O", "O"])
        #expect(adjacent[3] == "O")
    }
}
