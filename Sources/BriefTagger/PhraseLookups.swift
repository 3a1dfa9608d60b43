/// The phrase look-ups (`Lexicon.phrasePrefixes`) made for one document's tokens, kept so that a second pass over the
/// same tokens (`KnowledgeSpans`, after `DocumentAnalysis` marked the phrases) reads them instead of probing the
/// phrase table again: the table is larger than the processor's caches, so nearly every probe waits for memory.
///
/// Token `i`'s look-up is the `found` of `phrasePrefixes` over the words from `i` to the end of its sentence (at most
/// `Lexicon.maxPhraseWords`): `found[k]` for k in 2…n, n the number of words looked at.
public struct PhraseLookups: Sendable {
    /// For each token, where its look-up starts in `found`, or -1 when it was not looked up.
    private var start: [Int32]
    /// Each look-up's n, then found[2…n].
    private var found: [UInt64] = []

    /// Room for the look-ups of `count` tokens, none made yet.
    public init(count: Int) {
        start = [Int32](repeating: -1, count: count)
        // About one token in seven of news text is capitalised and looked up; a look-up takes up to six entries.
        found.reserveCapacity(count)
    }

    /// Keeps token `i`'s look-up: `found` as `phrasePrefixes` left it over `n` words.
    mutating func keep(_ i: Int, n: Int, found lookup: [UInt64]) {
        guard i >= 0, i < start.count, start[i] < 0, n >= 2, n < lookup.count else { return }
        start[i] = Int32(truncatingIfNeeded: found.count)
        found.append(UInt64(n))
        for k in 2...n { found.append(lookup[k]) }
    }

    /// Writes token `i`'s look-up over `n` words into `lookup` (as `phrasePrefixes` would) and returns true, or returns
    /// false when it was not made over that many words.
    func recall(_ i: Int, n: Int, into lookup: inout [UInt64]) -> Bool {
        guard i >= 0, i < start.count, start[i] >= 0, n < lookup.count else { return false }
        let at = Int(start[i])
        guard found[at] == UInt64(n) else { return false }
        for k in 2...n { lookup[k] = found[at + k - 1] }
        return true
    }
}
