/// Ends the names of people and places at their last capitalised word: a span the tagger ran on into the words
/// after a name (`Sundarbans mangrove`) loses the lower-case words (and the punctuation between them) at its end.
/// A lower-case word inside a name (`Bank of England`, `Ahmed al-Sharaa`) stays, and so do organisations and MISC
/// names, which may end in one (`2019 European Parliament election`). Text tokenised elsewhere (CoNLL columns) may
/// split what our tokenizer keeps whole; those pieces stay too: the full stop of an initial or abbreviation
/// (`U . S .`, `William L .`) and a person's hyphenated lower-case syllables (`Moon Jae - in`, `Prayut Chan - o - cha`).
public enum LowercaseTailTrimming {
    /// Updates `labels` (one per token of `text`) in place within `sentences`.
    public static func trim(text: TokenizedText, sentences: ArraySlice<Range<Int>>, labels: inout [Int]) {
        guard labels.count == text.tokens.count else { return }
        for sentence in sentences {
            for span in BIOTagSet.spans(labels[sentence])
            where span.end - span.start >= 2 && [.person, .place].contains(BIOTagSet.types[span.type]) {
                let a = sentence.lowerBound + span.start
                var z = sentence.lowerBound + span.end
                let person = BIOTagSet.types[span.type] == .person
                while z - 1 > a, isTail(text.text(of: z - 1)), !endsWhole(text: text, start: a, end: z, person: person) {
                    z -= 1
                    labels[z] = BIOTagSet.outside
                }
            }
        }
    }

    /// A word starting with a lower-case letter, or punctuation alone (a hyphen left between two such words).
    private static func isTail(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first else { return false }
        if first.properties.isLowercase { return true }
        return !word.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }

    /// Whether the name `start..<end` already ends whole: at the full stop after a single letter, or (a person) at
    /// lower-case syllables joined by hyphens to a capitalised word.
    private static func endsWhole(text: TokenizedText, start: Int, end: Int, person: Bool) -> Bool {
        let last = text.text(of: end - 1)
        if last == "." {
            let before = text.text(of: end - 2)
            return before.unicodeScalars.count == 1 && before.unicodeScalars.first!.properties.isUppercase
        }
        guard person else { return false }
        var k = end - 1
        while k - 2 >= start, text.text(of: k - 1) == "-" {
            let word = text.text(of: k - 2)
            guard let first = word.unicodeScalars.first else { return false }
            if first.properties.isUppercase { return true }
            if !first.properties.isLowercase { return false }
            k -= 2
        }
        return false
    }
}
