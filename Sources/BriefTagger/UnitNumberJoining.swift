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
                guard labels[i] == BIOTagSet.outside, mayBeNumber(text, i),
                      let ordinal = asciiNumberKind(text, i) ?? numberKind(text.text(of: i)) else { continue }
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

    /// False when token `i` cannot be a number or ordinal, judged by its bytes without making its string (this
    /// runs for every token outside a name): an ASCII first byte that is neither a digit nor, with the length and
    /// last letter of one, the initial of a spelled ordinal. Any other first byte (a non-ASCII digit, say) leaves
    /// it to `numberKind`.
    @inline(__always)
    private static func mayBeNumber(_ text: TokenizedText, _ i: Int) -> Bool {
        let token = text.tokens[i]
        guard token.byteStart < token.byteEnd else { return true }
        let first = text.bytes[token.byteStart]
        guard first < 0x80 else { return true }
        if first >= 0x30 && first <= 0x39 { return true }
        let length = token.byteEnd - token.byteStart
        return ordinalLengths.contains(length) && ordinalLastBytes.contains(text.bytes[token.byteEnd - 1])
            && ordinalInitials.contains(first)
    }

    /// `numberKind` of token `i` read from its bytes, for the common token of ASCII digits and letters that starts
    /// with a digit: `.some(nil)` when it is neither number nor ordinal, nil when it is not such a token.
    private static func asciiNumberKind(_ text: TokenizedText, _ i: Int) -> Bool?? {
        let token = text.tokens[i]
        var k = token.byteStart
        while k < token.byteEnd, text.bytes[k] >= 0x30, text.bytes[k] <= 0x39 { k += 1 }
        let digits = k - token.byteStart
        guard digits >= 1, text.bytes[token.byteStart..<token.byteEnd].allSatisfy({ $0 < 0x80 }) else { return nil }
        guard digits <= 3 else { return .some(nil) }
        let suffix = text.bytes[k..<token.byteEnd].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        if suffix.isEmpty { return false }
        return ordinalSuffixes.contains(suffix) ? true : .some(nil)
    }

    private static let ordinalSuffixes: [[UInt8]] = ["st", "nd", "rd", "th", "d"].map { Array($0.utf8) }

    /// The first letters, lengths and last letters of `spelledOrdinals`, as bytes.
    private static let ordinalInitials: Set<UInt8> = Set(spelledOrdinals.compactMap { $0.utf8.first })
    private static let ordinalLengths: ClosedRange<Int> = {
        let lengths = spelledOrdinals.map(\.utf8.count)
        return (lengths.min() ?? 0)...(lengths.max() ?? 0)
    }()
    private static let ordinalLastBytes: Set<UInt8> = Set(spelledOrdinals.compactMap { $0.utf8.last })

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
