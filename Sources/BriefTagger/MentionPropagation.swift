/// Carries a document's confident names to its untagged repetitions: a capitalised token the tagger left
/// outside any entity is tagged when the same spelling is a one-word entity elsewhere in the document, or the
/// surname of a person named in full (`Sergei Lavrov` … `Lavrov visited Ankara`).
///
/// Only rare words qualify (not in the frequency list, or rarer than Zipf 3.5) that never appear in lower
/// case in the document, and only when both neighbours are outside entities, so `May` the month or `Bush`
/// in `bush fire` are left alone.
public enum MentionPropagation {
    /// The rarest frequency bucket (1 + 2 × Zipf) that still counts as rare.
    static let maxFrequency: UInt8 = 7

    /// Updates `labels` (one per token of `text`) in place, within the document made of `sentences`.
    public static func propagate(text: TokenizedText, sentences: ArraySlice<Range<Int>>, labels: inout [Int],
                                 lexicon: Lexicon) {
        guard labels.count == text.tokens.count else { return }
        // Spellings by the hash of their bytes, so that most tokens cost a hash and no String.
        var known = HashedCounts()
        var lowercaseSeen = HashedCounts()
        text.bytes.withUnsafeBufferPointer { bytes in
            func hash(_ i: Int) -> UInt64 {
                FeatureHash.bytes(UnsafeBufferPointer(rebasing: bytes[text.tokens[i].byteStart..<text.tokens[i].byteEnd]))
            }
            for sentence in sentences {
                for i in sentence where startsLowercase(text, i) { lowercaseSeen.update(hash(i), initial: 1) { _ in } }
                for span in BIOTagSet.spans(labels[sentence]) {
                    let a = sentence.lowerBound + span.start, z = sentence.lowerBound + span.end
                    if z - a == 1 {
                        known.update(hash(a), initial: Int32(span.type)) { _ in }
                    } else if span.type == 0 {
                        known.update(hash(z - 1), initial: 0) { _ in }
                    }
                }
            }
            guard !known.isEmpty else { return }
            for sentence in sentences {
                for i in sentence where labels[i] == BIOTagSet.outside && mayBeCapitalised(text, i) {
                    guard let type = known[hash(i)].map({ Int($0) }) else { continue }
                    let word = text.text(of: i)
                    let lower = word.lowercased()
                    guard isCapitalised(word), lowercaseSeen[FeatureHash.string(lower)] == nil,
                          (lexicon.entry(forLowercased: lower)?.frequency ?? 0) <= maxFrequency else { continue }
                    let leftFree = i == sentence.lowerBound || labels[i - 1] == BIOTagSet.outside
                    let rightFree = i + 1 == sentence.upperBound || labels[i + 1] == BIOTagSet.outside
                    if leftFree, rightFree { labels[i] = BIOTagSet.begin(typeIndex: type) }
                }
            }
        }
    }

    /// An ASCII capital or any non-ASCII first byte.
    private static func mayBeCapitalised(_ text: TokenizedText, _ i: Int) -> Bool {
        let t = text.tokens[i]
        guard t.byteStart < t.byteEnd else { return false }
        let b = text.bytes[t.byteStart]
        return (b >= 0x41 && b <= 0x5A) || b >= 0x80
    }

    private static func startsLowercase(_ text: TokenizedText, _ i: Int) -> Bool {
        let t = text.tokens[i]
        guard t.byteStart < t.byteEnd else { return false }
        let b = text.bytes[t.byteStart]
        return b >= 0x61 && b <= 0x7A
    }

    /// `Lavrov`, not `LAVROV` or `lavrov`: an upper-case first letter followed by at least one lower-case one.
    private static func isCapitalised(_ word: String) -> Bool {
        var scalars = word.unicodeScalars.makeIterator()
        guard let first = scalars.next(), first.properties.isUppercase else { return false }
        var sawLower = false
        while let s = scalars.next() {
            if s.properties.isUppercase { return false }
            if s.properties.isLowercase { sawLower = true }
        }
        return sawLower
    }
}
