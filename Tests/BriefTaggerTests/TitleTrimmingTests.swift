import Testing
@testable import BriefTagger

@Suite("Title trimming")
struct TitleTrimmingTests {
    @Test("titles at the front of a person span are not part of the name")
    func titles() {
        // Given spans that swallowed their titles
        let text = Tokenizer().tokenize("U.N. Secretary-General Antonio Guterres met Foreign Minister Sergei Lavrov.")
        var labels = ["B-ORG", "B-PER", "I-PER", "I-PER", "O", "B-PER", "I-PER", "I-PER", "I-PER", "O"]
            .map { BIOTagSet.index(of: $0) ?? 0 }
        // When trimmed
        TitleTrimming.trim(text: text, sentences: text.sentences[...], labels: &labels, lexicon: Lexicon())
        // Then only the names remain persons
        #expect(labels.map { BIOTagSet.names[$0] }
            == ["B-ORG", "O", "B-PER", "I-PER", "O", "O", "O", "B-PER", "I-PER", "O"])
    }

    @Test("a one-word person is kept even when it looks like a title")
    func lonePerson() {
        let text = Tokenizer().tokenize("Major spoke.")
        var labels = [1, 0, 0]
        TitleTrimming.trim(text: text, sentences: text.sentences[...], labels: &labels, lexicon: Lexicon())
        #expect(labels == [1, 0, 0])
    }
}
