/// Strips Markdown inline markup for the reading text, in linear time:
/// `**b**`, `__b__`, `*i*`, `_i_` lose their markers; `` `code` `` keeps its content; `[text](url)` and
/// `[text][ref]` give `text`; `<https://…>` gives the address; images `![alt](url)` are dropped;
/// backslash escapes give the escaped character. Unmatched markers stay as written.
enum MarkdownInline {
    /// Bounds on look-ahead keep pathological input (thousands of unmatched brackets) linear.
    static let lookAhead = 2000

    /// `\` `` ` `` `!` `[` `<` `*` `_`: the bytes that can start inline markup.
    static let markupBytes: Set<UInt8> = Set("\\`![<*_".utf8)

    private struct Delimiter {
        var position: Int   // index in the output
        var mark: Unicode.Scalar
        var length: Int
        var canOpen: Bool
        var canClose: Bool
        var matched = false
    }

    static func strip(_ text: String) -> String {
        // Most paragraphs carry no markup at all: a byte scan skips the scalar work for them.
        guard text.utf8.contains(where: { markupBytes.contains($0) }) else { return ParagraphText.collapse(text) }
        let s = Array(text.unicodeScalars)
        let n = s.count
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(n)
        var delimiters: [Delimiter] = []
        // Links found so far, as (position of `]`, index after the target); positions only increase.
        var linkCloses: [(close: Int, end: Int)] = []
        var nextLink = 0
        var backticks: BacktickRuns?
        var i = 0
        while i < n {
            let c = s[i]
            // A `]` skipped inside a code span leaves its link unused: drop it.
            while nextLink < linkCloses.count, linkCloses[nextLink].close < i { nextLink += 1 }
            if nextLink < linkCloses.count, linkCloses[nextLink].close == i {
                i = linkCloses[nextLink].end
                nextLink += 1
                continue
            }
            switch c {
            case "\\" where i + 1 < n && s[i + 1].isASCII && s[i + 1].properties.isPatternSyntax:
                out.append(s[i + 1])
                i += 2
            case "`":
                var k = i
                while k < n, s[k] == "`" { k += 1 }
                let run = k - i
                if backticks == nil { backticks = BacktickRuns(s) }
                if let close = backticks?.next(length: run, after: i) {
                    var content = Array(s[k..<close])
                    if content.count >= 2, content.first == " ", content.last == " " {
                        content = Array(content.dropFirst().dropLast())
                    }
                    out.append(contentsOf: content)
                    i = close + run
                } else {
                    out.append(contentsOf: s[i..<k])
                    i = k
                }
            case "!" where i + 1 < n && s[i + 1] == "[":
                if let (_, end) = link(s, openAt: i + 1) {
                    i = end // images are dropped whole
                } else {
                    out.append(c)
                    i += 1
                }
            case "[":
                if let (close, end) = link(s, openAt: i) {
                    linkCloses.append((close, end))
                } else {
                    out.append(c)
                }
                i += 1
            case "<":
                if let close = autolinkEnd(s, from: i) {
                    out.append(contentsOf: s[(i + 1)..<close])
                    i = close + 1
                } else {
                    out.append(c)
                    i += 1
                }
            case "*", "_":
                var k = i
                while k < n, s[k] == c { k += 1 }
                let run = k - i
                let before: Unicode.Scalar? = i > 0 ? s[i - 1] : nil
                let after: Unicode.Scalar? = k < n ? s[k] : nil
                var canOpen = after.map { !isSpace($0) } ?? false
                var canClose = before.map { !isSpace($0) } ?? false
                if c == "_" {
                    // snake_case and intra-word underscores are not emphasis.
                    if let before, isWordScalar(before) { canOpen = false }
                    if let after, isWordScalar(after) { canClose = false }
                }
                if run <= 3, canOpen || canClose {
                    delimiters.append(Delimiter(position: out.count, mark: c, length: run,
                                                canOpen: canOpen, canClose: canClose))
                }
                out.append(contentsOf: s[i..<k])
                i = k
            default:
                out.append(c)
                i += 1
            }
        }
        matchDelimiters(&delimiters)
        let removed = delimiters.filter(\.matched)
        guard !removed.isEmpty else { return ParagraphText.collapse(ScalarText.string(out[...])) }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(out.count)
        var cursor = 0
        for d in removed {
            result.append(contentsOf: out[cursor..<d.position])
            cursor = d.position + d.length
        }
        result.append(contentsOf: out[cursor...])
        return ParagraphText.collapse(ScalarText.string(result[...]))
    }

    /// Pairs each closer with the nearest open delimiter of the same mark and length (searching a few deep).
    private static func matchDelimiters(_ delimiters: inout [Delimiter]) {
        var openers: [Int] = []
        for index in delimiters.indices {
            let d = delimiters[index]
            if d.canClose {
                var depth = openers.count - 1
                var found: Int?
                while depth >= 0, openers.count - depth <= 16 {
                    let o = delimiters[openers[depth]]
                    if o.mark == d.mark, o.length == d.length { found = depth; break }
                    depth -= 1
                }
                if let found {
                    delimiters[openers[found]].matched = true
                    delimiters[index].matched = true
                    openers.removeSubrange(found...)
                    continue
                }
            }
            if d.canOpen { openers.append(index) }
        }
    }

    /// For `[` at `openAt`: the index of its `]` and the index just after the `(url)` or `[ref]` that follows.
    private static func link(_ s: [Unicode.Scalar], openAt: Int) -> (close: Int, end: Int)? {
        let n = s.count
        var j = openAt + 1
        while j < n, j - openAt < lookAhead, s[j] != "]", s[j] != "[", s[j] != "\n" { j += 1 }
        guard j < n, s[j] == "]", j + 1 < n else { return nil }
        let opener = s[j + 1]
        guard opener == "(" || opener == "[" else { return nil }
        let closer: Unicode.Scalar = opener == "(" ? ")" : "]"
        var k = j + 2
        while k < n, k - j < lookAhead, s[k] != closer, s[k] != "[", s[k] != "<", s[k] != "\n",
              s[k] != " " || opener == "[" || isTitleStart(s, k) {
            k += 1
        }
        guard k < n, s[k] == closer else { return nil }
        return (j, k + 1)
    }

    /// Allows `[text](url "title")`: a space followed by a quoted title stays inside the link target.
    private static func isTitleStart(_ s: [Unicode.Scalar], _ k: Int) -> Bool {
        k + 1 < s.count && (s[k + 1] == "\"" || s[k + 1] == "'")
    }

    /// Start positions of backtick runs by run length, so finding a closing run never rescans text.
    private struct BacktickRuns {
        private var starts: [Int: [Int]] = [:]
        private var cursors: [Int: Int] = [:]

        init(_ s: [Unicode.Scalar]) {
            var i = 0
            while i < s.count {
                guard s[i] == "`" else { i += 1; continue }
                var k = i
                while k < s.count, s[k] == "`" { k += 1 }
                starts[k - i, default: []].append(i)
                i = k
            }
        }

        /// The first run of exactly `length` backticks starting after `position` (positions asked only increase).
        mutating func next(length: Int, after position: Int) -> Int? {
            guard let list = starts[length] else { return nil }
            var cursor = cursors[length] ?? 0
            while cursor < list.count, list[cursor] <= position { cursor += 1 }
            cursors[length] = cursor
            return cursor < list.count ? list[cursor] : nil
        }
    }

    /// `<https://…>`, `<http://…>` or `<mailto:…>` without spaces: the index of `>`.
    private static func autolinkEnd(_ s: [Unicode.Scalar], from i: Int) -> Int? {
        let head = ScalarText.string(s[(i + 1)..<min(s.count, i + 9)]).lowercased()
        guard head.hasPrefix("http://") || head.hasPrefix("https://") || head.hasPrefix("mailto:") else { return nil }
        var k = i + 1
        while k < s.count, k - i < lookAhead, s[k] != ">", s[k] != " ", s[k] != "<" { k += 1 }
        return k < s.count && s[k] == ">" ? k : nil
    }

    private static func isSpace(_ s: Unicode.Scalar) -> Bool { ScalarText.isSpace(s) }

    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        ScalarText.isWordScalar(s)
    }

}
