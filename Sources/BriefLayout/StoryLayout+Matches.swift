extension StoryLayout {
    /// Every case-insensitive occurrence of `text` within a line, as grapheme positions in that line's
    /// `glyphs`, left to right and not overlapping: what the in-story search shows. Reads each line's text
    /// straight from the layout (a long story's lines are never built as styled graphemes for it), comparing
    /// ASCII a byte at a time.
    public func matches(of text: String) -> [StoryMatch] {
        // Case and accents folded like library search: `orban` finds Orbán.
        let needle = text.map(StoryLines.folded)
        guard !needle.isEmpty else { return [] }
        var matches: [StoryMatch] = []
        // An ASCII query in an ASCII line is found byte by byte: there each byte is a grapheme.
        let lowered = text.lowercased()
        let asciiNeedle: [UInt8]? = lowered.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) ? Array(lowered.utf8) : nil
        var bytes: [UInt8] = []
        var hay: [Character] = []
        for (number, span) in lines.spans.enumerated() where span.end - span.start >= needle.count {
            if let asciiNeedle, lines.lowercasedASCII(of: span, into: &bytes) {
                Self.occurrences(of: asciiNeedle, in: bytes, line: number, into: &matches)
                continue
            }
            hay.removeAll(keepingCapacity: true)
            lines.forEachCharacter(of: span) { hay.append($0) }
            Self.occurrences(of: needle, in: hay, line: number, into: &matches)
        }
        return matches
    }

    /// Appends the non-overlapping occurrences of `needle` in `hay`, line `line`, left to right.
    private static func occurrences<Element: Equatable>(of needle: [Element], in hay: [Element], line: Int,
                                                         into matches: inout [StoryMatch]) {
        var start = 0
        while start + needle.count <= hay.count {
            var found = true
            for offset in needle.indices where hay[start + offset] != needle[offset] {
                found = false
                break
            }
            if found {
                matches.append(StoryMatch(line: line, start: start, end: start + needle.count))
                start += needle.count
            } else {
                start += 1
            }
        }
    }
}
