/// Cuts raw news text into tokens and sentences following the CoNLL-2003 conventions the model was
/// trained on: punctuation apart, possessive `'s` apart (`Russia’s` → `Russia` `’s`), abbreviations and
/// initials keep their period (`U.S.`, `Gen.`, `F.`), numbers keep their inner separators (`1,000`, `3.5`,
/// `1996-08-22`), hyphenated words stay whole unless they join capitalised names the lexicon does not know
/// (`Putin-Biden` → `Putin` `-` `Biden`).
///
/// Every token keeps its offsets in Unicode scalars of the original text; combining marks, variation
/// selectors and emoji joiners stay with the scalar before them.
public struct Tokenizer: Sendable {
    /// Says whether a lower-cased hyphenated form is a known word (kept whole), e.g. `guinea-bissau`.
    public let isKnownWord: @Sendable (String) -> Bool
    /// Says whether a lower-cased part of a hyphenated name is common enough in news to be a name on its own
    /// (`putin`, `russia`); names whose parts are not all common stay whole (`Bjørn-Ove`, `Al-Rawahi`).
    public let isCommonPart: @Sendable (String) -> Bool

    public init(isKnownWord: @escaping @Sendable (String) -> Bool = { _ in false },
                isCommonPart: @escaping @Sendable (String) -> Bool = { _ in true }) {
        self.isKnownWord = isKnownWord
        self.isCommonPart = isCommonPart
    }

    // Scalar classes.
    static let space: UInt8 = 0, newline: UInt8 = 1, letter: UInt8 = 2, digit: UInt8 = 3,
        attach: UInt8 = 4, punct: UInt8 = 5

    /// Abbreviations that keep their trailing period (lower case, without the period).
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "cmdr", "gov", "sen",
        "rep", "rev", "st", "jr", "sr", "prof", "pres", "corp", "inc", "ltd", "co", "vs", "etc", "jan", "feb",
        "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "ave", "dept", "est", "fig", "hon",
        "messrs", "mme", "mlle", "sec", "amb", "brig", "cdr", "cpl", "pvt", "supt", "insp", "det", "univ", "assn",
        "bros", "approx", "cf", "al", "ca", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m",
    ]

    /// Tokenises `text` and splits it into sentences.
    public func tokenize(_ text: String) -> TokenizedText {
        let bytes = Array(text.utf8)
        var scalars: [UInt32] = []
        var byteOffsets: [Int] = []
        var classes: [UInt8] = []
        if bytes.allSatisfy({ $0 < 0x80 }) {
            // Plain ASCII (most text): each byte is a scalar, at its own offset; the three arrays in one pass.
            let n = bytes.count
            Self.asciiClasses.withUnsafeBufferPointer { table in
                bytes.withUnsafeBufferPointer { b in
                    scalars = [UInt32](unsafeUninitializedCapacity: n) { out, count in
                        for k in 0..<n { out[k] = UInt32(b[k]) }
                        count = n
                    }
                    classes = [UInt8](unsafeUninitializedCapacity: n) { out, count in
                        for k in 0..<n { out[k] = table[Int(b[k])] }
                        count = n
                    }
                }
            }
            byteOffsets = [Int](unsafeUninitializedCapacity: n + 1) { out, count in
                for k in 0...n { out[k] = k }
                count = n + 1
            }
        } else {
            scalars.reserveCapacity(bytes.count)
            byteOffsets.reserveCapacity(bytes.count + 1)
            classes.reserveCapacity(bytes.count)
            var b = 0
            for s in text.unicodeScalars {
                scalars.append(s.value)
                byteOffsets.append(b)
                classes.append(s.value < 0x80 ? Self.asciiClasses[Int(s.value)] : Self.classify(s.value))
                b += UTF8.width(s)
            }
            byteOffsets.append(b)
        }
        let (tokens, newlinesBefore) = scalars.withUnsafeBufferPointer { scalars in
            classes.withUnsafeBufferPointer { classes in
                byteOffsets.withUnsafeBufferPointer { byteOffsets in
                    var scan = TokenScan(scalars: scalars, classes: classes, byteOffsets: byteOffsets,
                                         expectedTokens: bytes.count / 5 + 1)
                    scan.run(self)
                    return (scan.tokens, scan.newlinesBefore)
                }
            }
        }
        let sentences = Self.splitSentences(tokens: tokens, newlinesBefore: newlinesBefore, scalars: scalars)
        return TokenizedText(bytes: bytes, tokens: tokens, sentences: sentences)
    }

    /// Whether the hyphenated word `word` (capitalised parts, `Putin-Biden`) is split into its parts, given
    /// whether every part is lower case after its capital (`partsLowercase`; `U.S.-led` and `AFP-JIJI` are not).
    func splitsHyphenated(_ word: String, partsLowercase: Bool) -> Bool {
        // Titles stay whole too: `Secretary-General`, `Vice-President`.
        let lower = word.lowercased()
        let parts = lower.split(separator: "-")
        let isTitle = parts.contains { TitleWords.all.contains(String($0)) }
        let allCommon = parts.allSatisfy { isCommonPart(String($0)) }
        return !(isKnownWord(lower) || !partsLowercase || isTitle || !allCommon)
    }

    private static func splitSentences(tokens: [TokenSpan], newlinesBefore: [Int], scalars: [UInt32]) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = 0
        var k = 0
        let count = tokens.count
        func first(_ t: Int) -> UInt32 { scalars[tokens[t].scalarStart] }
        func isTerminator(_ t: Int) -> Bool {
            let s = tokens[t]
            let v = scalars[s.scalarStart]
            if s.scalarEnd - s.scalarStart == 1 { return v == 0x2E || v == 0x21 || v == 0x3F || v == 0x2026 }
            return v == 0x2E && scalars[s.scalarEnd - 1] == 0x2E // `...`
        }
        func isCloser(_ t: Int) -> Bool {
            let s = tokens[t]
            guard s.scalarEnd - s.scalarStart == 1 else { return false }
            let v = scalars[s.scalarStart]
            return v == 0x22 || v == 0x27 || v == 0x201D || v == 0x2019 || v == 0x29 || v == 0x5D || v == 0xBB
        }
        func startsLower(_ t: Int) -> Bool {
            let v = first(t)
            if v < 0x80 { return v >= 0x61 && v <= 0x7A }
            return Unicode.Scalar(v)?.properties.isLowercase ?? false
        }
        while k < count {
            var boundaryAfter: Int?
            if k + 1 < count {
                let breaks = newlinesBefore[k + 1]
                if breaks >= 2 || (breaks == 1 && !startsLower(k + 1)) {
                    boundaryAfter = k
                } else if isTerminator(k) {
                    var e = k
                    while e + 1 < count, isCloser(e + 1), newlinesBefore[e + 1] == 0 { e += 1 }
                    if e + 1 < count, !startsLower(e + 1) { boundaryAfter = e }
                }
            }
            if let e = boundaryAfter {
                sentences.append(start..<(e + 1))
                start = e + 1
                k = e + 1
            } else {
                k += 1
            }
        }
        if start < count { sentences.append(start..<count) }
        return sentences
    }

    /// `classify` of every ASCII scalar, looked up rather than worked out: most text is ASCII.
    static let asciiClasses: [UInt8] = (0..<0x80).map { classify(UInt32($0)) }

    static func classify(_ v: UInt32) -> UInt8 {
        if v < 0x80 {
            switch v {
            case 0x0A, 0x0D: return newline
            case 0x30...0x39: return digit
            case 0x41...0x5A, 0x61...0x7A: return letter
            case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return punct
            default: return space // spaces, tabs and control characters separate tokens
            }
        }
        if v == 0x2028 || v == 0x2029 || v == 0x85 { return newline }
        if v == 0x200D || (0xFE00...0xFE0F).contains(v) || (0x1F3FB...0x1F3FF).contains(v)
            || (0xE0020...0xE007F).contains(v) || (0xE0100...0xE01EF).contains(v) || v == 0xAD || v == 0x20E3 {
            return attach
        }
        guard let s = Unicode.Scalar(v) else { return punct }
        let p = s.properties
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return attach
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format: return space
        case .decimalNumber: return digit
        default: break
        }
        if p.isAlphabetic { return letter }
        if p.numericType != nil { return digit }
        return punct
    }
}
