/// Takes titles off the front of person spans (`President`, `Foreign Minister`, `Secretary-General`,
/// `Gen.`): a title is not part of the name, as in the CoNLL annotation guidelines.
public enum TitleTrimming {
    /// Relabels leading title tokens of every `PER` span in `sentences` as outside.
    public static func trim(text: TokenizedText, sentences: ArraySlice<Range<Int>>, labels: inout [Int],
                            lexicon: Lexicon) {
        guard labels.count == text.tokens.count else { return }
        let begin = BIOTagSet.begin(typeIndex: 0)
        for sentence in sentences {
            for span in BIOTagSet.spans(labels[sentence]) where span.type == 0 && span.end - span.start >= 2 {
                var a = sentence.lowerBound + span.start
                let z = sentence.lowerBound + span.end
                while a < z - 1, isTitle(text.text(of: a), lexicon: lexicon)
                    || (text.text(of: a) == "-" && a + 1 < z - 1 && isTitle(text.text(of: a + 1), lexicon: lexicon)) {
                    labels[a] = BIOTagSet.outside
                    a += 1
                }
                labels[a] = begin
            }
        }
    }

    static func isTitle(_ word: String, lexicon: Lexicon) -> Bool {
        let lower = word.lowercased()
        return TitleWords.all.contains(lower) || lexicon.entry(forLowercased: lower)?.gazetteer.contains(.title) == true
    }
}
