/// Cuts a paragraph down to the sentence that holds a mention, for entity pages (screen and CLI).
public enum MentionSentence {
    /// The sentence of `paragraph` around the scalar range `start..<end`, trimmed, with the range moved
    /// into it. Offsets outside the paragraph (bad data) give the whole paragraph and an empty range.
    ///
    /// Walks the paragraph's scalars from the mention outwards, without copying the paragraph (an entity
    /// page cuts one per story, hundreds at a time).
    public static func cut(_ paragraph: String, start: Int, end: Int) -> (sentence: String, start: Int, end: Int) {
        let scalars = paragraph.unicodeScalars
        guard start >= 0, start <= end,
              let mentionStart = scalars.index(scalars.startIndex, offsetBy: start, limitedBy: scalars.endIndex),
              let mentionEnd = scalars.index(mentionStart, offsetBy: end - start, limitedBy: scalars.endIndex) else {
            return (trimmed(paragraph), 0, 0)
        }
        // A sentence ends at . ! ? (optionally followed by closing quotes/brackets) and then a space.
        func endsSentence(at index: String.Index) -> Bool {
            guard isTerminal(scalars[index]) else { return false }
            var next = scalars.index(after: index)
            while next < scalars.endIndex, isCloser(scalars[next]) { next = scalars.index(after: next) }
            return next >= scalars.endIndex || scalars[next].properties.isWhitespace
        }
        var from = mentionStart
        var fromOffset = start
        while from > scalars.startIndex {
            let before = scalars.index(before: from)
            if endsSentence(at: before), !isAbbreviation(scalars, endingAt: before) { break }
            from = before
            fromOffset -= 1
        }
        var to = mentionEnd
        while to < scalars.endIndex {
            if endsSentence(at: to), !isAbbreviation(scalars, endingAt: to) {
                to = scalars.index(after: to)
                while to < scalars.endIndex, isCloser(scalars[to]) { to = scalars.index(after: to) }
                break
            }
            to = scalars.index(after: to)
        }
        while from < mentionStart {
            let scalar = scalars[from]
            let next = scalars.index(after: from)
            guard scalar.properties.isWhitespace
                || isCloser(scalar) && next < mentionStart && scalars[next].properties.isWhitespace else { break }
            from = next
            fromOffset += 1
        }
        while to > mentionEnd, scalars[scalars.index(before: to)].properties.isWhitespace { to = scalars.index(before: to) }
        return (String(scalars[from..<to]), start - fromOffset, end - fromOffset)
    }

    /// . ! and ?, which end a sentence when a space follows.
    private static func isTerminal(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "!" || scalar == "?"
    }

    /// Closing quotes and brackets, which may stand between a sentence's end and the space after it.
    private static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", "”", "’", ")", "]": true
        default: false
        }
    }

    /// "Mr." or a single capital initial ("J.") do not end a sentence.
    private static func isAbbreviation(_ scalars: String.UnicodeScalarView, endingAt index: String.Index) -> Bool {
        guard scalars[index] == "." else { return false }
        var wordStart = index
        while wordStart > scalars.startIndex {
            let before = scalars.index(before: wordStart)
            guard scalars[before].properties.isAlphabetic else { break }
            wordStart = before
        }
        let word = String(scalars[wordStart..<index])
        if word.count == 1, word.uppercased() == word, word.lowercased() != word { return true }
        return ["Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Col", "Lt", "Sen", "Rep", "Gov", "Prof"].contains(word)
    }

    private static func trimmed(_ text: String) -> String {
        var text = Substring(text)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
