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
    private static let space: UInt8 = 0, newline: UInt8 = 1, letter: UInt8 = 2, digit: UInt8 = 3,
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
        scalars.reserveCapacity(bytes.count)
        byteOffsets.reserveCapacity(bytes.count + 1)
        var classes: [UInt8] = []
        classes.reserveCapacity(bytes.count)
        var b = 0
        for s in text.unicodeScalars {
            scalars.append(s.value)
            byteOffsets.append(b)
            classes.append(s.value < 0x80 ? Self.asciiClasses[Int(s.value)] : Self.classify(s.value))
            b += UTF8.width(s)
        }
        byteOffsets.append(b)
        var tokens: [TokenSpan] = []
        var newlinesBefore: [Int] = []
        tokens.reserveCapacity(bytes.count / 5 + 1)
        newlinesBefore.reserveCapacity(bytes.count / 5 + 1)
        var newlines = 0
        var i = 0
        let n = scalars.count

        func emit(_ a: Int, _ z: Int) {
            tokens.append(TokenSpan(byteStart: byteOffsets[a], byteEnd: byteOffsets[z], scalarStart: a, scalarEnd: z))
            newlinesBefore.append(newlines)
            newlines = 0
        }
        func isWord(_ k: Int) -> Bool { k < n && (classes[k] == Self.letter || classes[k] == Self.digit) }
        func isLetter(_ k: Int) -> Bool { k >= 0 && k < n && classes[k] == Self.letter }
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < n && classes[k] == Self.digit }
        func isApostrophe(_ k: Int) -> Bool { k < n && (scalars[k] == 0x27 || scalars[k] == 0x2019) }
        func isUpper(_ k: Int) -> Bool {
            guard k >= 0, k < n else { return false }
            let v = scalars[k]
            if v < 0x80 { return v >= 0x41 && v <= 0x5A }
            return Unicode.Scalar(v)?.properties.isUppercase ?? false
        }
        func skipAttached(_ k: Int) -> Int {
            var k = k
            while k < n, classes[k] == Self.attach {
                // A zero-width joiner also carries the scalar it joins to.
                if scalars[k] == 0x200D, k + 1 < n, classes[k + 1] != Self.space, classes[k + 1] != Self.newline {
                    k += 2
                } else {
                    k += 1
                }
            }
            return k
        }

        /// The end of the word starting at `start`: letters and digits with their inner punctuation.
        func scanWord(from start: Int) -> Int {
            var j = start
            // Whether the token so far is letters separated by single periods (`U.S`), an abbreviation shape.
            var dotted = true
            var runLength = 0
            while j < n {
                let c = classes[j]
                if c == Self.letter || c == Self.digit {
                    runLength += 1
                    if runLength > 1 || c == Self.digit { dotted = false }
                    j += 1
                    continue
                }
                if c == Self.attach { j = skipAttached(j); continue }
                let v = scalars[j]
                if isApostrophe(j) {
                    // Stop before a possessive `'s`; keep inner apostrophes (O'Brien).
                    if j + 1 < n, scalars[j + 1] == 0x73 || scalars[j + 1] == 0x53, !isWord(j + 2) { break }
                    if isLetter(j + 1) { j += 1; runLength = 0; dotted = false; continue }
                    break
                }
                if v == 0x2E { // .
                    if isLetter(j + 1), dotted, runLength == 1, isLetter(j - 1) { j += 1; runLength = 0; continue }
                    // `U.S.-led`: an abbreviation's period before a hyphenated word.
                    if dotted, runLength == 1, j - start >= 3, j + 2 < n, scalars[j + 1] == 0x2D, isWord(j + 2) {
                        j += 1; runLength = 0; dotted = false; continue
                    }
                    if isDigit(j - 1), isDigit(j + 1) { j += 1; runLength = 0; dotted = false; continue }
                    break
                }
                if v == 0x2C || v == 0x3A || v == 0x2F { // , : / between digits
                    if isDigit(j - 1), isDigit(j + 1) { j += 1; runLength = 0; dotted = false; continue }
                    break
                }
                if v == 0x2D || v == 0x2010 || v == 0x2011 { // hyphens inside a word
                    if isWord(j + 1) { j += 1; runLength = 0; dotted = false; continue }
                    break
                }
                if v == 0x26, isUpper(j - 1), isUpper(j + 1) { j += 1; runLength = 0; dotted = false; continue } // AT&T
                break
            }
            // A trailing period belongs to initials, dotted abbreviations and known abbreviations.
            if j < n, scalars[j] == 0x2E, !(j + 1 < n && scalars[j + 1] == 0x2E) {
                let length = j - start
                let word = String(String.UnicodeScalarView(scalars[start..<j].compactMap(Unicode.Scalar.init)))
                if (length == 1 && isLetter(start)) || (dotted && length >= 3 && isLetter(j - 1) && scalars[start + 1] == 0x2E)
                    || Self.abbreviations.contains(word.lowercased()) {
                    return j + 1
                }
            }
            return j
        }

        while i < n {
            let c = classes[i]
            if c == Self.space { i += 1; continue }
            if c == Self.newline {
                // Count \r\n as one line break.
                if !(scalars[i] == 0x0D && i + 1 < n && scalars[i + 1] == 0x0A) { newlines += 1 }
                i += 1
                continue
            }
            if c == Self.letter || c == Self.digit {
                let end = scanWord(from: i)
                emitWord(i, end, scalars: scalars, emit: emit, isUpper: isUpper)
                i = end
                continue
            }
            if isApostrophe(i), i + 1 < n, scalars[i + 1] == 0x73 || scalars[i + 1] == 0x53, !isWord(i + 2),
               i > 0, classes[i - 1] == Self.letter || classes[i - 1] == Self.digit || classes[i - 1] == Self.attach {
                // Possessive: `’s` after a word is a token of its own.
                let end = skipAttached(i + 2)
                emit(i, end)
                i = end
                continue
            }
            // Punctuation and symbols: runs of `-` and `.` are one token (`--`, `...`); others stand alone.
            var end = i + 1
            if scalars[i] == 0x2D || scalars[i] == 0x2E {
                while end < n, scalars[end] == scalars[i] { end += 1 }
            } else if (0x1F1E6...0x1F1FF).contains(scalars[i]), end < n, (0x1F1E6...0x1F1FF).contains(scalars[end]) {
                end += 1 // a flag is a pair of regional indicators
            }
            end = skipAttached(end)
            emit(i, end)
            i = end
        }
        let sentences = Self.splitSentences(tokens: tokens, newlinesBefore: newlinesBefore, scalars: scalars,
                                            isUpper: isUpper)
        return TokenizedText(bytes: bytes, tokens: tokens, sentences: sentences)
    }

    private func emitWord(_ start: Int, _ end: Int, scalars: [UInt32], emit: (Int, Int) -> Void,
                          isUpper: (Int) -> Bool) {
        // Split `Putin-Biden` into names when every part is capitalised and the whole is not a known word.
        var hyphens: [Int] = []
        for k in start..<end where scalars[k] == 0x2D || scalars[k] == 0x2010 || scalars[k] == 0x2011 {
            hyphens.append(k)
        }
        guard !hyphens.isEmpty, isUpper(start), hyphens.allSatisfy({ isUpper($0 + 1) }) else {
            emit(start, end)
            return
        }
        let word = String(String.UnicodeScalarView(scalars[start..<end].compactMap(Unicode.Scalar.init)))
        let partsLowercase = hyphens.allSatisfy { k in
            // `U.S.-led`, `AFP-JIJI`: all-capital parts stay whole.
            !(isUpper(k - 1) && (k - 1 == start || isUpper(k - 2)))
        }
        // Titles stay whole too: `Secretary-General`, `Vice-President`.
        let isTitle = word.lowercased().split(separator: "-").contains { TitleWords.all.contains(String($0)) }
        let allCommon = word.lowercased().split(separator: "-").allSatisfy { isCommonPart(String($0)) }
        if isKnownWord(word.lowercased()) || !partsLowercase || isTitle || !allCommon {
            emit(start, end)
            return
        }
        var a = start
        for h in hyphens {
            emit(a, h)
            emit(h, h + 1)
            a = h + 1
        }
        emit(a, end)
    }

    private static func splitSentences(tokens: [TokenSpan], newlinesBefore: [Int], scalars: [UInt32],
                                       isUpper: (Int) -> Bool) -> [Range<Int>] {
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
    private static let asciiClasses: [UInt8] = (0..<0x80).map { classify(UInt32($0)) }

    private static func classify(_ v: UInt32) -> UInt8 {
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
