/// Keeps a numbered military unit whole: the ordinal belongs to the name (`47th Mechanized Brigade`,
/// `82nd Airborne Division`, `65th Fighter Wing`, `Sixth Fleet`), which the tagger tends to start after the number or miss.
/// A number or ordinal followed by capitalised words ending in a unit word (`Brigade`, `Division`, `Wing`,
/// `Regiment` …) becomes one organisation; a bare number only before two words or more ending in a unit that is
/// numbered that way (`4 Air Defense Wing`, not `12 Air Force` jets).
enum UnitNumberJoining {
    /// Updates `labels` (one per token of `text`) in place within `sentences`.
    static func join(text: TokenizedText, sentences: ArraySlice<Range<Int>>, labels: inout [Int]) {
        guard labels.count == text.tokens.count else { return }
        let begin = BIOTagSet.begin(typeIndex: 1)
        for sentence in sentences {
            var i = sentence.lowerBound
            while i + 1 < sentence.upperBound {
                defer { i += 1 }
                guard labels[i] == BIOTagSet.outside, let ordinal = numberKind(text.text(of: i)) else { continue }
                // The capitalised words after it, up to the unit word.
                var end = i + 1
                var unitEnd: Int?
                while end < sentence.upperBound, end - i <= 6, startsUpper(text.text(of: end)) {
                    if unitWords.contains(text.text(of: end)) { unitEnd = end + 1 }
                    end += 1
                }
                guard let z = unitEnd, ordinal || (z - i >= 3 && countedUnitWords.contains(text.text(of: z - 1))) else {
                    continue
                }
                // The unit must not run into a name that goes on after it.
                if z < sentence.upperBound, BIOTagSet.isInside(labels[z]) { continue }
                labels[i] = begin
                for k in (i + 1)..<z { labels[k] = begin + 1 }
                i = z - 1
            }
        }
    }

    /// True for an ordinal (`47th`, `2nd`, `102d`, `Sixth`), false for a bare number of up to three digits, nil otherwise.
    static func numberKind(_ word: String) -> Bool? {
        if spelledOrdinals.contains(word) { return true }
        let scalars = Array(word.unicodeScalars)
        var digits = 0
        while digits < scalars.count, scalars[digits].properties.numericType == .decimal { digits += 1 }
        guard digits >= 1, digits <= 3 else { return nil }
        let suffix = String(String.UnicodeScalarView(scalars[digits...])).lowercased()
        if suffix.isEmpty { return false }
        return ["st", "nd", "rd", "th", "d"].contains(suffix) ? true : nil
    }

    private static func startsUpper(_ word: String) -> Bool {
        word.unicodeScalars.first?.properties.isUppercase ?? false
    }

    /// Ordinals in words that number units (`Sixth Fleet`, `Second Army`, `First Guards Tank Army`).
    static let spelledOrdinals: Set<String> = [
        "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth", "Eleventh",
        "Twelfth",
    ]

    /// Units that a bare number names (a number before `Force` or `Marines` is usually a count).
    static let countedUnitWords: Set<String> = [
        "Division", "Brigade", "Regiment", "Battalion", "Wing", "Squadron", "Group", "Fleet", "Flotilla", "Detachment",
    ]

    static let unitWords: Set<String> = [
        "Division", "Brigade", "Regiment", "Battalion", "Corps", "Wing", "Squadron", "Fleet", "Army", "Infantry",
        "Cavalry", "Artillery", "Flotilla", "Command", "Force", "Airborne", "Volunteers", "Rangers", "Guards",
        "Marines", "Group", "Detachment", "Battery", "Legion",
    ]
}
