/// A battle, siege, campaign, invasion, war or treaty named by what follows `of` is one MISC name, with an
/// ordinal before it: `Second Battle of Bull Run`, `Battle of Sayler 's Creek`, `Siege of Petersburg`,
/// `Treaty of Baden`, `War of Spanish Succession`. The tagger tends to keep only the place (`Fredericksburg`
/// LOC) or to type the whole as an organisation; CoNLL-2003, CrossNER and the newswire corpora label these MISC.
enum EventNames {
    /// Updates `labels` (one per token of `text`) in place within `sentences`.
    static func mark(text: TokenizedText, sentences: ArraySlice<Range<Int>>, labels: inout [Int]) {
        guard labels.count == text.tokens.count else { return }
        for sentence in sentences {
            var next = sentence.lowerBound
            for i in sentence where i >= next && i + 2 < sentence.upperBound && isEventHead(text, i) {
                let start = i > sentence.lowerBound && isOrdinal(text.text(of: i - 1)) ? i - 1 : i
                let end = nameEnd(text, from: i + 3, in: sentence)
                // A name that began before the event or goes on after it is the tagger's to keep.
                guard !BIOTagSet.isInside(labels[start]),
                      end == sentence.upperBound || !BIOTagSet.isInside(labels[end]) else { continue }
                let begin = BIOTagSet.begin(typeIndex: 3)
                labels[start] = begin
                for k in (start + 1)..<end { labels[k] = begin + 1 }
                next = end
            }
        }
    }

    /// `Battle` (or another head) before `of` and a capitalised word.
    private static func isEventHead(_ text: TokenizedText, _ i: Int) -> Bool {
        mayBeHead(text, i) && heads.contains(text.text(of: i)) && text.text(of: i + 1) == "of"
            && startsUpper(text.text(of: i + 2))
    }

    /// Where the capitalised run from `k` ends; a possessive between two capitalised words stays inside
    /// (`Sayler 's Creek`).
    private static func nameEnd(_ text: TokenizedText, from k: Int, in sentence: Range<Int>) -> Int {
        var end = k
        while end < sentence.upperBound {
            let w = text.text(of: end)
            if startsUpper(w) {
                end += 1
            } else if w == "'s" || w == "’s", end + 1 < sentence.upperBound, startsUpper(text.text(of: end + 1)) {
                end += 2
            } else {
                break
            }
        }
        return end
    }

    /// Looks at the bytes before making a string: a head word is 3 to 8 ASCII letters starting B, S, T, C, I or W.
    private static func mayBeHead(_ text: TokenizedText, _ k: Int) -> Bool {
        let t = text.tokens[k]
        let n = t.byteEnd - t.byteStart
        guard n >= 3, n <= 8 else { return false }
        switch text.bytes[t.byteStart] {
        case UInt8(ascii: "B"), UInt8(ascii: "S"), UInt8(ascii: "T"), UInt8(ascii: "C"), UInt8(ascii: "I"), UInt8(ascii: "W"):
            return true
        default: return false
        }
    }

    static let heads: Set<String> = ["Battle", "Battles", "Siege", "Sack", "Treaty", "Campaign", "Invasion", "War"]

    /// `Second`, `2nd`, `102d` (as `UnitNumberJoining` reads ordinals).
    static func isOrdinal(_ word: String) -> Bool { UnitNumberJoining.numberKind(word) == true }

    private static func startsUpper(_ word: String) -> Bool {
        word.unicodeScalars.first?.properties.isUppercase ?? false
    }
}
