/// Lower-case ASCII words of up to 12 letters packed into an integer (5 bits a letter), so the per-word test
/// "is this a speech verb?" needs no string: most words of a story are never turned into one.
enum VerbKey {
    /// The packed key of a word, trailing `,` `.` `;` `:` ignored; nil for anything but 3 to 12 lower-case letters.
    static func key(_ word: ArraySlice<Unicode.Scalar>) -> UInt64? {
        var end = word.endIndex
        while end > word.startIndex, let last = Optional(word[end - 1]), last == "," || last == "." || last == ";" || last == ":" {
            end -= 1
        }
        let count = end - word.startIndex
        guard count >= 2, count <= 12 else { return nil }
        var key: UInt64 = 0
        for scalar in word[word.startIndex..<end] {
            let v = scalar.value
            guard v >= 0x61, v <= 0x7A else { return nil }
            key = key << 5 | UInt64(v - 0x60)
        }
        return key
    }

    /// Like `key`, for ASCII letters of either case (`The`, `IN`), folded to lower case.
    static func folded(_ word: ArraySlice<Unicode.Scalar>) -> UInt64? {
        var end = word.endIndex
        while end > word.startIndex, let last = Optional(word[end - 1]), last == "," || last == "." || last == ";" || last == ":" {
            end -= 1
        }
        let count = end - word.startIndex
        guard count >= 1, count <= 12 else { return nil }
        var key: UInt64 = 0
        for scalar in word[word.startIndex..<end] {
            let v = scalar.value | 0x20
            guard scalar.isASCII, v >= 0x61, v <= 0x7A else { return nil }
            key = key << 5 | UInt64(v - 0x60)
        }
        return key
    }

    /// The packed key of a word as it is, nothing trimmed: 1 to 12 lower-case ASCII letters (`y`, `bin`), else nil.
    static func exact(_ word: ArraySlice<Unicode.Scalar>) -> UInt64? {
        guard word.count >= 1, word.count <= 12 else { return nil }
        var key: UInt64 = 0
        for scalar in word {
            let v = scalar.value
            guard v >= 0x61, v <= 0x7A else { return nil }
            key = key << 5 | UInt64(v - 0x60)
        }
        return key
    }

    /// `QuoteFinder.bare` of an ASCII word as a packed key, for lists of plain lower-case words: 0 when the bare
    /// word is not 1 to 12 letters (so in no such list); nil when the word is not ASCII (ask `bare`).
    static func bare(_ word: ArraySlice<Unicode.Scalar>) -> UInt64? {
        for scalar in word where !scalar.isASCII { return nil }
        // `bare` gives longer words back empty.
        guard word.count <= 16 else { return 0 }
        var start = word.startIndex
        var end = word.endIndex
        while start < end, !ScalarText.isWordScalar(word[start]) { start += 1 }
        while end > start, !ScalarText.isWordScalar(word[end - 1]) { end -= 1 }
        guard end - start >= 1, end - start <= 12 else { return 0 }
        var key: UInt64 = 0
        for scalar in word[start..<end] {
            let v = scalar.value | 0x20
            guard v >= 0x61, v <= 0x7A else { return 0 }
            key = key << 5 | UInt64(v - 0x60)
        }
        return key
    }

    /// The packed key of a word already bare and lower case (`said`, `a`): 1 to 12 letters a-z; 0 for any other.
    static func packed(_ word: String) -> UInt64 {
        var word = word
        return word.withUTF8 { bytes in
            guard bytes.count <= 12 else { return 0 }
            var key: UInt64 = 0
            for v in bytes {
                guard v >= 0x61, v <= 0x7A else { return 0 }
                key = key << 5 | UInt64(v - 0x60)
            }
            return key
        }
    }

    static func key(_ word: String) -> UInt64 {
        key(Array(word.unicodeScalars)[...]) ?? 0
    }

    /// Verbs whose subjects are speakers, in running text: the speech verbs less those that are as often nouns
    /// (`the Baltic states`, `notes`, `posts`), plus the reporting verbs.
    static let verbs = PackedKeySet(QuoteFinder.speechVerbs.union(QuoteFinder.reportingVerbs)
        .subtracting(["states", "notes", "adds", "writes", "posted", "continued", "tells", "asks"]).map(key))
    static let according = key("according")
    static let to = key("to")
    static let and = key("and")
    static let but = key("but")
}
