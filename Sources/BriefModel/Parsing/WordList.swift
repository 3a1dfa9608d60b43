/// A fixed list of words asked about by their `QuoteFinder.bare` forms: a form of 1 to 12 letters a-z is looked up
/// by its packed key (`VerbKey.packed`) without hashing a string, any other in the set itself. The answers are the
/// set's: the packed keys are those of its words of that shape, and a packed key stands for one word only.
struct WordList: Sendable {
    let words: Set<String>
    private let keys: PackedKeySet

    init(_ words: Set<String>) {
        self.words = words
        keys = PackedKeySet(words.map(VerbKey.packed).filter { $0 != 0 })
    }

    /// True when the list holds `word`, whose packed key is `packed` (0 when it has none).
    func contains(_ word: String, packed: UInt64) -> Bool {
        packed != 0 ? keys.contains(packed) : words.contains(word)
    }
}
