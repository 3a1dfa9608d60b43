/// One run of `Tokenizer.tokenize` over a text's scalars: finds the tokens and the line breaks before each.
///
/// The scanning state is a struct read through buffer pointers rather than arrays captured by nested functions:
/// captured, the arrays lived in heap boxes and every read of a scalar went through an exclusivity check.
struct TokenScan {
    let scalars: UnsafeBufferPointer<UInt32>
    let classes: UnsafeBufferPointer<UInt8>
    let byteOffsets: UnsafeBufferPointer<Int>
    private(set) var tokens: [TokenSpan] = []
    /// The line breaks just before each token.
    private(set) var newlinesBefore: [Int] = []
    private var newlines = 0
    private let n: Int

    init(scalars: UnsafeBufferPointer<UInt32>, classes: UnsafeBufferPointer<UInt8>,
         byteOffsets: UnsafeBufferPointer<Int>, expectedTokens: Int) {
        self.scalars = scalars
        self.classes = classes
        self.byteOffsets = byteOffsets
        tokens.reserveCapacity(expectedTokens)
        newlinesBefore.reserveCapacity(expectedTokens)
        n = scalars.count
    }

    private static let space = Tokenizer.space, newline = Tokenizer.newline, letter = Tokenizer.letter,
        digit = Tokenizer.digit, attach = Tokenizer.attach

    /// Cuts the whole text into tokens.
    mutating func run(_ tokenizer: Tokenizer) {
        var i = 0
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
                emitWord(i, end, tokenizer)
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
    }

    @inline(__always)
    private mutating func emit(_ a: Int, _ z: Int) {
        tokens.append(TokenSpan(byteStart: byteOffsets[a], byteEnd: byteOffsets[z], scalarStart: a, scalarEnd: z))
        newlinesBefore.append(newlines)
        newlines = 0
    }

    @inline(__always) private func isWord(_ k: Int) -> Bool {
        k < n && (classes[k] == Self.letter || classes[k] == Self.digit)
    }
    @inline(__always) private func isLetter(_ k: Int) -> Bool { k >= 0 && k < n && classes[k] == Self.letter }
    @inline(__always) private func isDigit(_ k: Int) -> Bool { k >= 0 && k < n && classes[k] == Self.digit }
    @inline(__always) private func isApostrophe(_ k: Int) -> Bool {
        k < n && (scalars[k] == 0x27 || scalars[k] == 0x2019)
    }
    @inline(__always) private func isHyphen(_ k: Int) -> Bool {
        scalars[k] == 0x2D || scalars[k] == 0x2010 || scalars[k] == 0x2011
    }

    private func isUpper(_ k: Int) -> Bool {
        guard k >= 0, k < n else { return false }
        let v = scalars[k]
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return Unicode.Scalar(v)?.properties.isUppercase ?? false
    }

    private func skipAttached(_ k: Int) -> Int {
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

    /// The text of scalars `a..<z`.
    private func string(_ a: Int, _ z: Int) -> String {
        // Encoded straight into the string's storage: a scalar view appended scalar by scalar costs thousands of
        // instructions for a short word.
        String(unsafeUninitializedCapacity: (z - a) * 4) { out in
            var count = 0
            for i in a..<z {
                guard let scalar = Unicode.Scalar(scalars[i]) else { continue }
                for byte in scalar.utf8 {
                    out[count] = byte
                    count += 1
                }
            }
            return count
        }
    }

    /// The end of the word starting at `start`: letters and digits with their inner punctuation.
    private func scanWord(from start: Int) -> Int {
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
            if (length == 1 && isLetter(start)) || (dotted && length >= 3 && isLetter(j - 1) && scalars[start + 1] == 0x2E)
                || Tokenizer.abbreviations.contains(string(start, j).lowercased()) {
                return j + 1
            }
        }
        return j
    }

    /// Emits the word `start..<end`, split into names and hyphens when it joins capitalised names
    /// (`Putin-Biden`) and the whole is not a known word.
    private mutating func emitWord(_ start: Int, _ end: Int, _ tokenizer: Tokenizer) {
        // Most words have no hyphen: look for one before gathering them.
        guard isUpper(start), (start..<end).contains(where: isHyphen) else {
            emit(start, end)
            return
        }
        let hyphens = (start..<end).filter(isHyphen)
        guard hyphens.allSatisfy({ isUpper($0 + 1) }) else {
            emit(start, end)
            return
        }
        let partsLowercase = hyphens.allSatisfy { k in
            // `U.S.-led`, `AFP-JIJI`: all-capital parts stay whole.
            !(isUpper(k - 1) && (k - 1 == start || isUpper(k - 2)))
        }
        guard tokenizer.splitsHyphenated(string(start, end), partsLowercase: partsLowercase) else {
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
}
