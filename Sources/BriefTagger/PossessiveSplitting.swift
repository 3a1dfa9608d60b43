/// Keeps possessives out of names: a name ends before its `'s` / `’s` (`Russia’s` → `Russia`), and a name
/// the tagger ran on through a possessive (`EU ’s Court of Justice`) is cut there when the part before it is
/// a name of its own: an acronym or a word the gazetteers know as a country, place or organisation. A
/// possessive that belongs to a name (`People's Liberation Army`) stays.
public enum PossessiveSplitting {
    /// Updates `labels` (one per token of `text`) in place within `sentences`.
    public static func split(text: TokenizedText, sentences: ArraySlice<Range<Int>>, labels: inout [Int],
                             lexicon: Lexicon) {
        guard labels.count == text.tokens.count else { return }
        for sentence in sentences {
            for i in sentence where labels[i] != BIOTagSet.outside && isPossessive(text, i) {
                let next = i + 1 < sentence.upperBound ? labels[i + 1] : BIOTagSet.outside
                let continues = BIOTagSet.typeIndex(of: next) == BIOTagSet.typeIndex(of: labels[i]) && next % 2 == 0
                if !continues {
                    labels[i] = BIOTagSet.outside
                    continue
                }
                // Inside: find where the name starts.
                var a = i - 1
                while a > sentence.lowerBound, labels[a] % 2 == 0, labels[a] != BIOTagSet.outside { a -= 1 }
                guard a == i - 1, isNameOfItsOwn(text, a, lexicon: lexicon) else { continue }
                let type = BIOTagSet.typeIndex(of: labels[i])
                labels[i] = BIOTagSet.outside
                labels[i + 1] = 1 + 2 * type
            }
        }
    }

    private static func isPossessive(_ text: TokenizedText, _ i: Int) -> Bool {
        let t = text.tokens[i]
        let n = t.byteEnd - t.byteStart
        guard n >= 1, n <= 4 else { return false }
        let w = text.text(of: i)
        return w == "'s" || w == "’s" || w == "'S" || w == "’S" || w == "'" || w == "’"
    }

    private static func isNameOfItsOwn(_ text: TokenizedText, _ i: Int, lexicon: Lexicon) -> Bool {
        let w = text.text(of: i)
        let letters = w.unicodeScalars.filter { $0.properties.isAlphabetic }
        if letters.count >= 2, letters.allSatisfy({ $0.properties.isUppercase }) { return true }
        let flags = lexicon.entry(forLowercased: w.lowercased())?.gazetteer ?? []
        return !flags.isDisjoint(with: [.country, .capital, .city, .knownPlace, .knownOrganisation, .organisation])
    }
}
