/// An election named as encyclopedias title it is one MISC name, year and month included: `2014 Ukrainian
/// parliamentary election`, `February 1974 United Kingdom general election`, `2011 Hong Kong local elections`,
/// `1994 United States Senate election in California`. CrossNER politics labels them so; the tagger tends to
/// keep only the country or demonym inside. The rule needs a name the tagger found between the year and the
/// word `election` (a bare `1994 election` or `the 2024 presidential election` is no name), and it never
/// cuts a name that goes on before or after.
enum ElectionNames {
    /// Updates `labels` (one per token of `text`) in place within `sentences`.
    static func mark(text: TokenizedText, sentences: ArraySlice<Range<Int>>, labels: inout [Int]) {
        guard labels.count == text.tokens.count else { return }
        for sentence in sentences {
            var next = sentence.lowerBound
            for year in sentence where year >= next && isYear(text, year) {
                guard let found = election(text, labels, year: year, in: sentence) else { continue }
                let begin = BIOTagSet.begin(typeIndex: 3)
                labels[found.lowerBound] = begin
                for k in (found.lowerBound + 1)..<found.upperBound { labels[k] = begin + 1 }
                next = found.upperBound
            }
        }
    }

    /// The election's tokens when a named one starts at `year` (or at a month before it).
    private static func election(_ text: TokenizedText, _ labels: [Int], year: Int, in sentence: Range<Int>) -> Range<Int>? {
        let start = year > sentence.lowerBound && months.contains(text.text(of: year - 1)) ? year - 1 : year
        // The name: capitalised words, with `of`, `and` or a hyphen between them (`House of Representatives`).
        var k = year + 1, capitals = 0
        while k < sentence.upperBound {
            let w = text.text(of: k)
            if electionWords.contains(w.lowercased()) { break }
            if startsUpper(w) {
                capitals += 1
            } else if capitals == 0 || !joiners.contains(w) {
                break
            }
            k += 1
        }
        let nameEnd = k
        while k < sentence.upperBound, kinds.contains(text.text(of: k).lowercased()) { k += 1 }
        guard capitals > 0, k < sentence.upperBound, electionWords.contains(text.text(of: k).lowercased()),
              (year + 1..<nameEnd).contains(where: { labels[$0] != BIOTagSet.outside }) else { return nil }
        var end = k + 1
        // `… election in California`: the place the election was held in is part of the title.
        let place = BIOTagSet.begin(typeIndex: 2)
        if end + 1 < sentence.upperBound, text.text(of: end) == "in", labels[end + 1] == place {
            end += 2
            while end < sentence.upperBound, labels[end] == place + 1 { end += 1 }
        }
        if BIOTagSet.isInside(labels[start]) { return nil }
        if end < sentence.upperBound, BIOTagSet.isInside(labels[end]) { return nil }
        return start..<end
    }

    /// Four ASCII digits from 1700 to 2099, read from the bytes.
    private static func isYear(_ text: TokenizedText, _ k: Int) -> Bool {
        let t = text.tokens[k]
        guard t.byteEnd - t.byteStart == 4 else { return false }
        let b = text.bytes
        guard (t.byteStart..<t.byteEnd).allSatisfy({ b[$0] >= 0x30 && b[$0] <= 0x39 }) else { return false }
        let century = Int(b[t.byteStart] - 0x30) * 10 + Int(b[t.byteStart + 1] - 0x30)
        return century >= 17 && century <= 20
    }

    private static func startsUpper(_ word: String) -> Bool {
        word.unicodeScalars.first?.properties.isUppercase ?? false
    }

    static let electionWords: Set<String> = ["election", "elections", "referendum", "primaries", "primary", "by-election"]

    /// Lower-case words naming the kind of election, between the name and `election`.
    static let kinds: Set<String> = [
        "general", "parliamentary", "legislative", "presidential", "local", "regional", "state", "federal",
        "municipal", "provincial", "mayoral", "gubernatorial", "senate", "midterm", "national", "leadership",
        "constitutional", "assembly", "european",
    ]

    static let joiners: Set<String> = ["of", "and", "-"]

    static let months: Set<String> = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
}
