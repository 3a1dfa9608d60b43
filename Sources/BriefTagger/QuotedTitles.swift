/// A title of a work or a named campaign between quotation marks comes out whole as MISC: `the single
/// " A Beautiful Lie "`, `the film " Schindler 's List "`, `the " Clean Seas " campaign`. CoNLL-2003 and
/// encyclopedia text both label such titles MISC, and the tagger, which sees ordinary words, misses most of them
/// or types a place or a person inside them (`Anarchy in Tokyo`).
///
/// Only a short run in title case counts (every word capitalised or a number, except small function words),
/// never a whole quoted sentence: speech is quoted as sentences, titles are not. A quote that is itself one
/// name of the tagger's (`" Islamic State "`), begins with a longer name of a person, organisation or place
/// (`" White House Briefing "`), or is a nickname inside a person's name (`William " Buckshot " May`) is left.
enum QuotedTitles {
    /// Most tokens between the marks.
    static let maxTokens = 8

    /// Updates `labels` (one per token of `text`) in place within `sentences`.
    static func mark(text: TokenizedText, sentences: ArraySlice<Range<Int>>, labels: inout [Int]) {
        guard labels.count == text.tokens.count else { return }
        let begin = BIOTagSet.begin(typeIndex: 3)
        for sentence in sentences {
            let marks = sentence.filter { isQuoteMark(text, $0) }
            guard marks.count >= 2 else { continue }
            for pair in stride(from: 0, to: marks.count - 1, by: 2) {
                let open = marks[pair], close = marks[pair + 1]
                let inner = (open + 1)..<close
                guard isTitle(text, inner), hasWordsOutside(text, sentence, inner),
                      !continuesName(labels, sentence, open: open, close: close),
                      !taggerNamed(labels, inner) else { continue }
                labels[inner.lowerBound] = begin
                for k in (inner.lowerBound + 1)..<inner.upperBound { labels[k] = begin + 1 }
            }
        }
    }

    /// Title case: the first word capitalised, the last capitalised, a number, `!` or `?`, and everything
    /// between either of those, a small function word or joining punctuation. One word alone must be a
    /// capitalised word of three letters or more, not an acronym.
    static func isTitle(_ text: TokenizedText, _ inner: Range<Int>) -> Bool {
        guard !inner.isEmpty, inner.count <= maxTokens else { return false }
        let words = inner.map { text.text(of: $0) }
        guard startsUpper(words[0]) else { return false }
        if words.count == 1 {
            let w = words[0]
            return w.unicodeScalars.count >= 3 && w.unicodeScalars.contains { $0.properties.isLowercase }
        }
        let last = words[words.count - 1]
        guard startsUpper(last) || startsDigit(last) || last == "!" || last == "?" else { return false }
        return words.allSatisfy {
            startsUpper($0) || startsDigit($0) || functionWords.contains($0) || joiningMarks.contains($0)
        }
    }

    /// A sentence that is all quotation is speech.
    private static func hasWordsOutside(_ text: TokenizedText, _ sentence: Range<Int>, _ inner: Range<Int>) -> Bool {
        sentence.contains { k in
            (k < inner.lowerBound - 1 || k > inner.upperBound)
                && text.text(of: k).unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        }
    }

    /// A name running into the marks or on both sides of them (a nickname inside a person's name).
    private static func continuesName(_ labels: [Int], _ sentence: Range<Int>, open: Int, close: Int) -> Bool {
        let after = close + 1 < sentence.upperBound ? labels[close + 1] : BIOTagSet.outside
        if BIOTagSet.isInside(labels[open]) || BIOTagSet.isInside(labels[close]) || BIOTagSet.isInside(after) {
            return true
        }
        let before = open > sentence.lowerBound ? labels[open - 1] : BIOTagSet.outside
        return before != BIOTagSet.outside && after != BIOTagSet.outside
    }

    /// The tagger's own reading wins when it named the whole quote as one entity, when the quote starts inside
    /// a name, or when it starts with a name of two words or more that is not MISC.
    private static func taggerNamed(_ labels: [Int], _ inner: Range<Int>) -> Bool {
        let first = labels[inner.lowerBound]
        if BIOTagSet.isInside(first) { return true }
        guard BIOTagSet.isBegin(first) else { return false }
        if inner.dropFirst().allSatisfy({ labels[$0] == first + 1 }) { return true }
        return BIOTagSet.typeIndex(of: first) != 3 && inner.count > 1 && labels[inner.lowerBound + 1] == first + 1
    }

    /// Looks at the first byte before making a string: most tokens are no quotation mark.
    static func isQuoteMark(_ text: TokenizedText, _ k: Int) -> Bool {
        let t = text.tokens[k]
        guard t.byteEnd > t.byteStart, t.byteEnd - t.byteStart <= 3 else { return false }
        switch text.bytes[t.byteStart] {
        case 0x22, 0x60, 0x27, 0xC2, 0xE2: return quoteMarks.contains(text.text(of: k))
        default: return false
        }
    }

    private static func startsUpper(_ word: String) -> Bool {
        word.unicodeScalars.first?.properties.isUppercase ?? false
    }

    private static func startsDigit(_ word: String) -> Bool {
        word.unicodeScalars.first?.properties.numericType == .decimal
    }

    /// Double quotation marks as tokens (straight, curly, low, guillemets, and CoNLL's ` `` ` and `''`).
    static let quoteMarks: Set<String> = ["\"", "“", "”", "„", "«", "»", "``", "''"]

    static let functionWords: Set<String> = [
        "a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "at", "by", "from", "with", "as",
        "de", "la", "le", "du", "des", "del", "da", "do", "di", "en", "y", "e", "von", "van", "der",
    ]

    static let joiningMarks: Set<String> = [":", "-", "–", "(", ")", "!", "?", "&", "'s", "’s", "'", "’", "...", "…"]
}
