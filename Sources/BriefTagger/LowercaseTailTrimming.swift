/// Ends the names of people and places at their last capitalised word: a span the tagger ran on into the words
/// after a name (`Sundarbans mangrove`) loses the lower-case words (and the punctuation between them) at its end.
/// A lower-case word inside a name (`Bank of England`, `Ahmed al-Sharaa`) stays, and so do organisations and MISC
/// names, which may end in one (`2019 European Parliament election`).
public enum LowercaseTailTrimming {
    /// Updates `labels` (one per token of `text`) in place within `sentences`.
    public static func trim(text: TokenizedText, sentences: ArraySlice<Range<Int>>, labels: inout [Int]) {
        guard labels.count == text.tokens.count else { return }
        for sentence in sentences {
            for span in BIOTagSet.spans(labels[sentence])
            where span.end - span.start >= 2 && [.person, .place].contains(BIOTagSet.types[span.type]) {
                let a = sentence.lowerBound + span.start
                var z = sentence.lowerBound + span.end
                while z - 1 > a, isTail(text.text(of: z - 1)) {
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
}
