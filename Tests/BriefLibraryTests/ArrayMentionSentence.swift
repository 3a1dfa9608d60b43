import BriefLibrary

/// `MentionSentence` as it was before it walked the paragraph in place (a copy of its scalars per cut):
/// the reference the faster one must match.
enum ArrayMentionSentence {
    /// The sentence of `paragraph` around the scalar range `start..<end`, trimmed, with the range moved
    /// into it. Offsets outside the paragraph (bad data) give the whole paragraph and an empty range.
    static func cut(_ paragraph: String, start: Int, end: Int) -> (sentence: String, start: Int, end: Int) {
        let scalars = Array(paragraph.unicodeScalars)
        guard start >= 0, start <= end, end <= scalars.count else {
            return (trimmed(scalars[...]), 0, 0)
        }
        // A sentence ends at . ! ? (optionally followed by closing quotes/brackets) and then a space.
        func endsSentence(at index: Int) -> Bool {
            guard ".!?".unicodeScalars.contains(scalars[index]) else { return false }
            var next = index + 1
            while next < scalars.count, "\"'”’)]".unicodeScalars.contains(scalars[next]) { next += 1 }
            return next >= scalars.count || scalars[next].properties.isWhitespace
        }
        var from = start
        while from > 0 {
            if endsSentence(at: from - 1), !isAbbreviation(scalars, endingAt: from - 1) { break }
            from -= 1
        }
        var to = max(end, start)
        while to < scalars.count {
            if endsSentence(at: to), !isAbbreviation(scalars, endingAt: to) {
                to += 1
                while to < scalars.count, "\"'”’)]".unicodeScalars.contains(scalars[to]) { to += 1 }
                break
            }
            to += 1
        }
        while from < start, scalars[from].properties.isWhitespace || "\"'”’)]".unicodeScalars.contains(scalars[from]) && from + 1 < start && scalars[from + 1].properties.isWhitespace {
            from += 1
        }
        while to > end, scalars[to - 1].properties.isWhitespace { to -= 1 }
        let sentence = String(String.UnicodeScalarView(scalars[from..<to]))
        return (sentence, start - from, end - from)
    }

    /// "Mr." or a single capital initial ("J.") do not end a sentence.
    private static func isAbbreviation(_ scalars: [Unicode.Scalar], endingAt index: Int) -> Bool {
        guard scalars[index] == "." else { return false }
        var wordStart = index
        while wordStart > 0, scalars[wordStart - 1].properties.isAlphabetic { wordStart -= 1 }
        let word = String(String.UnicodeScalarView(scalars[wordStart..<index]))
        if word.count == 1, word.uppercased() == word, word.lowercased() != word { return true }
        return ["Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Col", "Lt", "Sen", "Rep", "Gov", "Prof"].contains(word)
    }

    private static func trimmed(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(scalars)).trimmingWhitespaceForReference
    }
}

private extension String {
    var trimmingWhitespaceForReference: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
