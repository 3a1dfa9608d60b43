import Testing
@testable import BriefTagger

/// The rules that repair the edges of decoded names, on token columns as CoNLL files split them and on text
/// our tokenizer splits (issue 11: names cut in pieces, places listed with their state or country).
@Suite("Span repairs: numbered units, places after a comma, initials and hyphenated syllables")
struct SpanRepairTests {
    /// Text made of the given tokens (one sentence), as CoNLL columns give it.
    private func columns(_ tokens: [String]) -> TokenizedText {
        var bytes: [UInt8] = [], spans: [TokenSpan] = [], scalar = 0
        for token in tokens {
            let start = bytes.count, n = token.unicodeScalars.count
            bytes += Array(token.utf8)
            spans.append(TokenSpan(byteStart: start, byteEnd: bytes.count, scalarStart: scalar, scalarEnd: scalar + n))
            bytes.append(32)
            scalar += n + 1
        }
        return TokenizedText(bytes: bytes, tokens: spans, sentences: [0..<tokens.count])
    }

    private func labels(_ tags: [String]) -> [Int] { tags.map { BIOTagSet.index(of: $0) ?? -1 } }
    private func names(_ labels: [Int]) -> [String] { labels.map { BIOTagSet.names[$0] } }

    @Test("an ordinal before a military unit is part of its name, and the unit is an organisation")
    func numberedUnits() {
        let text = columns(["the", "47th", "Mechanized", "Brigade", "and", "82nd", "Airborne", "Division", "and",
                            "65th", "Fighter", "Wing", "sent", "12", "Air", "Force", "jets"])
        var tags = labels(["O", "O", "B-ORG", "I-ORG", "O", "O", "B-MISC", "I-MISC", "O",
                           "O", "O", "O", "O", "O", "B-ORG", "I-ORG", "O"])
        UnitNumberJoining.join(text: text, sentences: text.sentences[...], labels: &tags)
        #expect(names(tags) == ["O", "B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "O",
                                "B-ORG", "I-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "O"])
    }

    @Test("a bare number names only units numbered that way, never a count of people")
    func bareNumbers() {
        let text = columns(["4", "Air", "Defense", "Wing", "and", "300", "Marines", "and", "20", "Rangers"])
        var tags = labels(["O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "B-MISC", "O", "O", "B-ORG"])
        UnitNumberJoining.join(text: text, sentences: text.sentences[...], labels: &tags)
        #expect(names(tags) == ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "B-MISC", "O", "O", "B-ORG"])
    }

    @Test("a town and its state or country across a comma are two places; Washington, D.C. stays one")
    func placesAfterComma() {
        let text = columns(["in", "Paxton", ",", "Illinois", "and", "Washington", ",", "D.C.", "and", "Gulu", ",",
                            "Uganda"])
        var tags = labels(["O", "B-LOC", "I-LOC", "I-LOC", "O", "B-LOC", "I-LOC", "I-LOC", "O", "B-LOC", "I-LOC",
                           "I-LOC"])
        PlaceListSplitting.split(text: text, sentences: text.sentences[...], labels: &tags)
        #expect(names(tags) == ["O", "B-LOC", "O", "B-LOC", "O", "B-LOC", "I-LOC", "I-LOC", "O", "B-LOC", "O",
                                "B-LOC"])
    }

    @Test("split tokens keep an initial's full stop and a person's hyphenated syllables; lower-case tails go")
    func splitTokensStayWhole() {
        let text = columns(["Moon", "Jae", "-", "in", "met", "William", "L", ".", "in", "the", "U", ".", "S", ".",
                            "near", "Sundarbans", "mangrove"])
        var tags = labels(["B-PER", "I-PER", "I-PER", "I-PER", "O", "B-PER", "I-PER", "I-PER", "O", "O",
                           "B-LOC", "I-LOC", "I-LOC", "I-LOC", "O", "B-LOC", "I-LOC"])
        let before = tags
        LowercaseTailTrimming.trim(text: text, sentences: text.sentences[...], labels: &tags)
        var expected = before
        expected[16] = 0
        #expect(names(tags) == names(expected))
    }
}
