import Foundation

/// Splits plain article text into a headline and paragraph blocks.
///
/// Paragraphs are separated by blank lines. Within a run of lines without blank lines, each line is its own
/// paragraph when the lines look like one paragraph per line (any line over 100 characters, or most lines
/// ending a sentence); otherwise the run is hard-wrapped prose whose lines are joined with spaces, breaking
/// only where a line ends a sentence and the next word would have fitted on it (so the break was the author's),
/// around lines that stand alone (headings, boilerplate), and before speaker labels and credits.
enum ArticleBlockReader {
    static let unwrappedLineLength = 100

    /// `titleOverride` (front matter `title:`) replaces the first line as the headline; that line is then
    /// consumed only when it says the same, so no text is lost.
    static func read(_ lines: ArraySlice<Substring>, titleOverride: String?) -> (headline: String, blocks: [SourceBlock]) {
        var cleaned = lines.map { ParagraphText.collapse($0) }[...]
        while let first = cleaned.first, first.isEmpty { cleaned.removeFirst() }
        var headline = titleOverride ?? ""
        if let first = cleaned.first {
            if let titleOverride {
                if ParagraphText.key(first) == ParagraphText.key(titleOverride) { cleaned.removeFirst() }
            } else {
                headline = first
                cleaned.removeFirst()
            }
        }
        var blocks: [SourceBlock] = []
        var run: [String] = []
        for line in cleaned {
            if line.isEmpty {
                appendRun(run, to: &blocks)
                run.removeAll(keepingCapacity: true)
            } else {
                run.append(line)
            }
        }
        appendRun(run, to: &blocks)
        return (headline, blocks)
    }

    private static func appendRun(_ run: [String], to blocks: inout [SourceBlock]) {
        guard !run.isEmpty else { return }
        if run.count == 1 {
            blocks.append(SourceBlock(kind: .paragraph, text: run[0], standsAlone: true))
            return
        }
        let lengths = run.map { $0.unicodeScalars.count }
        let sentenceEnds = run.dropLast().filter(endsSentence).count
        let onePerLine = lengths.contains { $0 > unwrappedLineLength } || sentenceEnds * 10 >= (run.count - 1) * 6
        let width = lengths.max() ?? 0
        let alone = run.map(mustStandAlone)
        let opens = run.map(opensParagraph)
        var current: [String] = []
        func flush() {
            guard !current.isEmpty else { return }
            blocks.append(SourceBlock(kind: .paragraph, text: current.joined(separator: " "),
                                      standsAlone: current.count == 1))
            current.removeAll()
        }
        for (index, line) in run.enumerated() {
            // A `Heading:` line stands alone only where a paragraph could start, not as the last line of
            // wrapped prose such as `… listed three demands:`.
            let startsParagraph = index == 0 || onePerLine || endsSentence(run[index - 1]) || alone[index - 1]
            if alone[index] || (startsParagraph && HeadingLine.colonTitle(line, nextParagraph: nil) != nil) {
                flush()
                current = [line]
                flush()
                continue
            }
            if opens[index] { flush() }
            current.append(line)
            let isLast = index == run.count - 1
            if isLast { break }
            let next = run[index + 1]
            if onePerLine || alone[index + 1] || opens[index + 1] || (endsSentence(line) && HeadingLine.colonTitle(next, nextParagraph: nil) != nil) {
                flush()
                continue
            }
            let nextWord = next.prefix { $0 != " " }.unicodeScalars.count
            if endsSentence(line), lengths[index] + 1 + nextWord <= width { flush() }
        }
        flush()
    }

    /// Whole-line things never joined to their neighbours: boilerplate and ALL-CAPS headings.
    static func mustStandAlone(_ line: String) -> Bool {
        Boilerplate.matches(line) || HeadingLine.allCapsTitle(line) != nil
    }

    /// Lines that start a new paragraph, which wrapped lines may continue: speaker labels and credits.
    static func opensParagraph(_ line: String) -> Bool {
        SpeakerLabel.parse(line) != nil || CreditsLine.matches(line)
    }

    private static func endsSentence(_ line: String) -> Bool {
        guard var last = line.last else { return false }
        if last == "\u{201D}" || last == "\"" || last == ")" || last == "\u{2019}", line.count >= 2 {
            last = line[line.index(line.endIndex, offsetBy: -2)]
        }
        return last == "." || last == "?" || last == "!" || last == ":"
    }
}
