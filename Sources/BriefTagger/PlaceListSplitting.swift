/// Cuts a place name the tagger ran on across a comma into one name per place: `Paxton , Illinois` is two
/// places, as CoNLL-2003 and encyclopedia text label them (a town and its state, a city and its country). A
/// short capitalised abbreviation after the comma stays part of the name (`Washington , D.C.`).
enum PlaceListSplitting {
    /// Updates `labels` (one per token of `text`) in place within `sentences`.
    static func split(text: TokenizedText, sentences: ArraySlice<Range<Int>>, labels: inout [Int]) {
        guard labels.count == text.tokens.count else { return }
        let begin = BIOTagSet.begin(typeIndex: 2)
        for sentence in sentences {
            for span in BIOTagSet.spans(labels[sentence])
            where span.end - span.start >= 3 && BIOTagSet.types[span.type] == .place {
                let a = sentence.lowerBound + span.start, z = sentence.lowerBound + span.end
                var k = z - 2
                while k > a {
                    if text.text(of: k) == ",", startsUpper(text.text(of: k - 1)), startsUpper(text.text(of: k + 1)),
                       !isAbbreviation(text, k + 1..<z) {
                        labels[k] = BIOTagSet.outside
                        labels[k + 1] = begin
                    }
                    k -= 1
                }
            }
        }
    }

    private static func startsUpper(_ word: String) -> Bool {
        word.unicodeScalars.first?.properties.isUppercase ?? false
    }

    /// A part of at most three capital letters with full stops (`D.C.`, `DC`, `D . C .`).
    private static func isAbbreviation(_ text: TokenizedText, _ range: Range<Int>) -> Bool {
        var letters = 0
        for i in range {
            for s in text.text(of: i).unicodeScalars where s != "." {
                guard s.properties.isUppercase else { return false }
                letters += 1
            }
        }
        return letters <= 3
    }
}
