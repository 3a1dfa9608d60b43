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

    @Test("an ordinal in words numbers a unit too (Sixth Fleet), and a unit already inside a name is left alone")
    func spelledOrdinals() {
        let text = columns(["the", "U.S.", "Sixth", "Fleet", "and", "the", "Fourth", "Air", "Force", "met", "First",
                            "Minister", "Ross"])
        var tags = labels(["O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "B-ORG", "I-ORG", "O", "O", "O", "B-PER"])
        UnitNumberJoining.join(text: text, sentences: text.sentences[...], labels: &tags)
        #expect(names(tags) == ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O",
                                "B-PER"])
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

    @Test("a short title-case run between quotation marks is one MISC title, whatever the tagger found inside it")
    func quotedTitles() {
        let text = columns(["the", "single", "\u{201C}", "A", "Beautiful", "Lie", "\u{201D}", "and", "the", "song",
                            "\"", "Anarchy", "in", "Tokyo", "\"", "and", "\"", "Savior", "\""])
        var tags = labels(["O", "O", "O", "O", "O", "O", "O", "O", "O", "O",
                           "O", "O", "O", "B-LOC", "O", "O", "O", "O", "O"])
        QuotedTitles.mark(text: text, sentences: text.sentences[...], labels: &tags)
        #expect(names(tags) == ["O", "O", "O", "B-MISC", "I-MISC", "I-MISC", "O", "O", "O", "O",
                                "O", "B-MISC", "I-MISC", "I-MISC", "O", "O", "O", "B-MISC", "O"])
    }

    @Test("quoted speech, acronyms, nicknames and the tagger's own names in quotes are left as they are")
    func quotesThatAreNotTitles() {
        // A lower-case word in the quote: speech, not a title.
        let speech = columns(["he", "said", "\"", "We", "will", "Win", "\"", "."])
        var tags = labels(["O", "O", "O", "O", "O", "O", "O", "O"])
        QuotedTitles.mark(text: speech, sentences: speech.sentences[...], labels: &tags)
        #expect(tags.allSatisfy { $0 == 0 })
        // The whole sentence quoted is speech.
        let whole = columns(["\"", "Thank", "You", "\""])
        tags = labels(["O", "O", "O", "O"])
        QuotedTitles.mark(text: whole, sentences: whole.sentences[...], labels: &tags)
        #expect(tags.allSatisfy { $0 == 0 })
        // A one-word acronym, a nickname inside a person's name, a name the tagger typed whole, and a quote that
        // opens with a longer place name.
        let other = columns(["the", "\"", "CPS", "\"", "and", "William", "\"", "Buckshot", "\"", "May", "and",
                             "\"", "Islamic", "State", "\"", "at", "\"", "White", "House", "Briefing", "\""])
        tags = labels(["O", "O", "O", "O", "O", "B-PER", "O", "O", "O", "B-PER", "O",
                       "O", "B-ORG", "I-ORG", "O", "O", "O", "B-LOC", "I-LOC", "O", "O"])
        let before = tags
        QuotedTitles.mark(text: other, sentences: other.sentences[...], labels: &tags)
        #expect(names(tags) == names(before))
    }

    @Test("a battle, siege, war or treaty named after 'of' is one MISC name with its ordinal")
    func eventNames() {
        let text = columns(["the", "Second", "Battle", "of", "Bull", "Run", "and", "the", "Battle", "of", "Sayler",
                            "'s", "Creek", "after", "the", "Treaty", "of", "Baden", "and", "a", "war", "of", "Words"])
        var tags = labels(["O", "O", "B-MISC", "I-MISC", "I-MISC", "I-MISC", "O", "O", "B-MISC", "O", "B-LOC",
                           "I-LOC", "I-LOC", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O"])
        EventNames.mark(text: text, sentences: text.sentences[...], labels: &tags)
        #expect(names(tags) == ["O", "B-MISC", "I-MISC", "I-MISC", "I-MISC", "I-MISC", "O", "O", "B-MISC", "I-MISC",
                                "I-MISC", "I-MISC", "I-MISC", "O", "O", "B-MISC", "I-MISC", "I-MISC", "O", "O", "O",
                                "O", "O"])
    }
}
