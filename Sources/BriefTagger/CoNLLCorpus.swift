import Foundation

/// A CoNLL-2003 column file held as bytes: one token a line (token first, columns separated by spaces or
/// tabs), blank lines between sentences, `-DOCSTART-` lines between documents. Tokens point into the
/// file's bytes, so reading two million lines builds no strings.
public struct CoNLLCorpus: Sendable {
    /// One line of the file.
    public struct Line: Sendable {
        public enum Kind: Sendable { case token, blank, documentStart }
        /// Byte range of the line without its line break (and without a trailing `\r`).
        public var start: Int
        public var end: Int
        public var kind: Kind
        /// Where the last column starts (token lines).
        public var lastColumn: Int
        /// Whether columns are separated by tabs.
        public var tabs: Bool
    }

    /// Where the corpus came from, for error messages.
    public let path: String
    public let lines: [Line]
    /// The tokens (first column) and sentences; `text.bytes` is the whole file.
    public let text: TokenizedText
    /// Line index of each token.
    public let tokenLines: [Int]
    /// Documents as ranges of sentence indices.
    public let documents: [Range<Int>]

    /// Parses CoNLL bytes. Throws with the line number when a line starts with whitespace but is not blank,
    /// or is not valid UTF-8; `firstLine` is the number of the first line (for a part of a larger file).
    public init(bytes: [UInt8], path: String, firstLine: Int = 1) throws {
        self.path = path
        var lines: [Line] = []
        var tokens: [TokenSpan] = []
        var tokenLines: [Int] = []
        var sentences: [Range<Int>] = []
        var documents: [Range<Int>] = []
        lines.reserveCapacity(bytes.count / 12)
        tokens.reserveCapacity(bytes.count / 12)
        tokenLines.reserveCapacity(bytes.count / 12)
        var sentenceStart = 0
        var documentStart = 0
        try bytes.withUnsafeBufferPointer { b in
            let n = b.count
            // A byte-order mark is not part of the first token.
            var p = n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
            func closeSentence() {
                if tokens.count > sentenceStart { sentences.append(sentenceStart..<tokens.count) }
                sentenceStart = tokens.count
            }
            func closeDocument() {
                closeSentence()
                if sentences.count > documentStart { documents.append(documentStart..<sentences.count) }
                documentStart = sentences.count
            }
            while p < n {
                var e = p
                var ascii = true
                while e < n, b[e] != 0x0A {
                    if b[e] >= 0x80 { ascii = false }
                    e += 1
                }
                let next = e + 1
                if e > p, b[e - 1] == 0x0D { e -= 1 }
                let lineNumber = lines.count + firstLine
                if !ascii, !Self.isValidUTF8(UnsafeBufferPointer(rebasing: b[p..<e])) {
                    throw TaggerError.malformedCoNLL(path, lineNumber, "not valid UTF-8")
                }
                var allSpace = true
                for k in p..<e where b[k] != 0x20 && b[k] != 0x09 { allSpace = false; break }
                if allSpace {
                    lines.append(Line(start: p, end: e, kind: .blank, lastColumn: e, tabs: false))
                    closeSentence()
                } else if b[p] == 0x20 || b[p] == 0x09 {
                    throw TaggerError.malformedCoNLL(path, lineNumber, "line starts with whitespace; expected a token in the first column")
                } else {
                    var tokenEnd = p
                    var tabs = false
                    while tokenEnd < e, b[tokenEnd] != 0x20, b[tokenEnd] != 0x09 { tokenEnd += 1 }
                    if tokenEnd < e, b[tokenEnd] == 0x09 { tabs = true }
                    var lastEnd = e
                    while lastEnd > p, b[lastEnd - 1] == 0x20 || b[lastEnd - 1] == 0x09 { lastEnd -= 1 }
                    var last = lastEnd
                    while last > p, b[last - 1] != 0x20, b[last - 1] != 0x09 { last -= 1 }
                    let isDocStart = tokenEnd - p == 10 && (0..<10).allSatisfy { b[p + $0] == Self.docStart[$0] }
                    if isDocStart {
                        lines.append(Line(start: p, end: e, kind: .documentStart, lastColumn: last, tabs: tabs))
                        closeDocument()
                    } else {
                        lines.append(Line(start: p, end: lastEnd, kind: .token, lastColumn: last, tabs: tabs))
                        tokens.append(TokenSpan(byteStart: p, byteEnd: tokenEnd, scalarStart: p, scalarEnd: tokenEnd))
                        tokenLines.append(lines.count - 1)
                    }
                }
                p = next
            }
            closeDocument()
        }
        self.lines = lines
        self.tokenLines = tokenLines
        self.documents = documents
        self.text = TokenizedText(bytes: bytes, tokens: tokens, sentences: sentences)
    }

    /// Cuts CoNLL bytes into parts of about `size` bytes or more, each starting at a `-DOCSTART-` line (the first at
    /// 0), so that each part parses into whole documents, the same ones the whole file gives: tagging a large file
    /// part by part holds one part's tokens at a time. With the parts, the number of each one's first line.
    public static func documentParts(_ bytes: [UInt8], size: Int) -> [(range: Range<Int>, firstLine: Int)] {
        var parts: [(range: Range<Int>, firstLine: Int)] = []
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var start = 0, startLine = 1, line = 1
            var p = 0
            while p < n {
                // `p` starts a line.
                if p - start >= size, isDocumentStart(b, at: p) {
                    parts.append((start..<p, startLine))
                    start = p
                    startLine = line
                }
                while p < n, b[p] != 0x0A { p += 1 }
                p += 1
                line += 1
            }
            if start < n || parts.isEmpty { parts.append((start..<n, startLine)) }
        }
        return parts
    }

    /// Whether the line starting at `p` is a `-DOCSTART-` line as the parser reads one: the token `-DOCSTART-`, then a
    /// space or tab, or the end of the line.
    private static func isDocumentStart(_ b: UnsafeBufferPointer<UInt8>, at p: Int) -> Bool {
        let n = b.count
        guard p + 10 <= n, (0..<10).allSatisfy({ b[p + $0] == docStart[$0] }) else { return false }
        let q = p + 10
        if q == n { return true }
        switch b[q] {
        case 0x20, 0x09, 0x0A: return true
        case 0x0D: return q + 1 == n || b[q + 1] == 0x0A
        default: return false
        }
    }

    /// Reads and parses a CoNLL file.
    public static func read(path: String) throws -> CoNLLCorpus {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TaggerError.unreadable(path, "no such file or not readable")
        }
        return try CoNLLCorpus(bytes: [UInt8](data), path: path)
    }

    private static let docStart: [UInt8] = Array("-DOCSTART-".utf8)

    /// The last column of every token line as a label index; throws naming the line when one is not a
    /// BIO tag of the four types (or the line has a single column).
    public func lastColumnLabels() throws -> [Int] {
        try columnLabels(fromEnd: 0)
    }

    /// The column before the last (gold, when the last column is a prediction).
    public func secondLastColumnLabels() throws -> [Int] {
        try columnLabels(fromEnd: 1)
    }

    /// Whether the file uses the tab-separated `token<TAB>tag[<TAB>original tag…]` layout of the extra NER
    /// corpora (gold tag in column 2), rather than CoNLL-2003's space-separated columns (gold tag last).
    public var isTabSeparated: Bool {
        guard let first = tokenLines.first else { return false }
        return lines[first].tabs
    }

    /// The gold labels: column 2 of a tab-separated file (the extra corpora keep source tags after it), the
    /// last column of a space-separated one (CoNLL-2003).
    public func goldLabels() throws -> [Int] {
        // A tab-separated CoNLL-2003 file (token, POS, chunk, tag) has no tag in column 2: its last column is gold.
        if isTabSeparated, let labels = try? secondColumnLabels() { return labels }
        return try lastColumnLabels()
    }

    /// Gold labels of a file whose last column is a prediction appended by `brief tag --conll`.
    public func goldLabelsBeforePrediction() throws -> [Int] {
        if isTabSeparated, let labels = try? secondColumnLabels() { return labels }
        return try secondLastColumnLabels()
    }

    /// Column 2 of every token line as a label index; throws naming the line when it is missing or not a tag.
    public func secondColumnLabels() throws -> [Int] {
        try labels(missing: "expected 2 or more columns, the second a tag") { t, line, b in
            var start = text.tokens[t].byteEnd
            while start < line.end, b[start] == 0x20 || b[start] == 0x09 { start += 1 }
            var end = start
            while end < line.end, b[end] != 0x20, b[end] != 0x09 { end += 1 }
            return start..<end
        }
    }

    private func columnLabels(fromEnd: Int) throws -> [Int] {
        try labels(missing: "expected \(fromEnd + 2) or more columns, the last ones tags") { t, line, b in
            var end = line.end
            var start = line.lastColumn
            for _ in 0..<fromEnd {
                end = start
                while end > line.start, b[end - 1] == 0x20 || b[end - 1] == 0x09 { end -= 1 }
                start = end
                while start > line.start, b[start - 1] != 0x20, b[start - 1] != 0x09 { start -= 1 }
            }
            return start >= text.tokens[t].byteEnd ? start..<end : end..<end
        }
    }

    /// The label in the byte range `column` finds on each token line (empty: the column is missing).
    private func labels(missing: String, column: (Int, Line, [UInt8]) -> Range<Int>) throws -> [Int] {
        var labels = [Int](repeating: 0, count: tokenLines.count)
        let b = text.bytes
        for (t, lineIndex) in tokenLines.enumerated() {
            let range = column(t, lines[lineIndex], b)
            guard !range.isEmpty else { throw TaggerError.malformedCoNLL(path, lineIndex + 1, missing) }
            let name = String(decoding: b[range], as: UTF8.self)
            guard let label = BIOTagSet.index(of: name) else {
                throw TaggerError.malformedCoNLL(path, lineIndex + 1, "'\(name)' is not a tag (O, B-/I- with PER, ORG, LOC, MISC)")
            }
            labels[t] = label
        }
        return labels
    }

    private static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var it = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&it) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}

extension CoNLLCorpus {
    /// Every line with token lines extended by their label (space- or tab-separated, as the line is);
    /// `-DOCSTART-` and blank lines unchanged. `labels` has one entry per token.
    public func appendingLabels(_ labels: [Int]) -> [UInt8] {
        let names = BIOTagSet.names.map { Array($0.utf8) }
        var out = [UInt8]()
        out.reserveCapacity(text.bytes.count + tokenLines.count * 7)
        var token = 0
        text.bytes.withUnsafeBufferPointer { b in
            for line in lines {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[line.start..<line.end]))
                if line.kind == .token {
                    out.append(line.tabs ? 0x09 : 0x20)
                    let label = token < labels.count ? labels[token] : 0
                    out.append(contentsOf: names[label >= 0 && label < names.count ? label : 0])
                    token += 1
                }
                // The line's own break: a file with CRLF lines gets CRLF lines back.
                if line.end < b.count, b[line.end] == 0x0D { out.append(0x0D) }
                out.append(0x0A)
            }
        }
        return out
    }
}
