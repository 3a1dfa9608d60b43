import Foundation

/// Body headings in plain text: ALL-CAPS lines and `Heading:` lines that stand alone.
enum HeadingLine {
    /// Words that show a colon line introduces speech (`Lavrov told reporters:`) rather than a heading.
    static let speechWords: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "asked", "stated", "wrote", "declared", "announced",
        "explained", "replied", "noted", "warned", "insisted", "saying", "adding",
    ]

    /// A short stand-alone line with no lower-case letters, mostly letters, no final period and no colon:
    /// `TALKS IN GENEVA`, `WHAT COMES NEXT?`.
    static func allCapsTitle(_ line: String) -> String? {
        let scalars = line.unicodeScalars
        guard line.utf8.count <= 320 else { return nil }
        // The letter scan first: most lines have a lower-case letter within a few characters.
        var letters = 0
        var others = 0
        for s in scalars {
            if s == " " { continue }
            if ScalarText.isLetter(s) {
                if ScalarText.isLowercase(s) {
                    return nil
                }
                letters += 1
            } else {
                others += 1
            }
        }
        guard scalars.count <= 80, ParagraphText.wordCount(line) <= 12, let last = scalars.last,
              last != ".", last != ":", last != ",", last != ";", !DatelineReader.endsWithDash(line) else { return nil }
        guard letters >= 3, letters >= others, line.unicodeScalars.first?.properties.isAlphabetic == true
        else { return nil }
        return line
    }

    /// A short stand-alone line ending with a colon, not introducing speech: `What happens next:` gives
    /// `What happens next`. `nextParagraph` guards against `He told reporters:` followed by a quote.
    static func colonTitle(_ line: String, nextParagraph: String?) -> String? {
        guard line.utf8.last == 0x3A, line.utf8.count <= 240, line.unicodeScalars.count <= 60, ParagraphText.wordCount(line) <= 8,
              let first = line.first, first.isUppercase || first.isNumber else { return nil }
        let title = ParagraphText.collapse(String(line.dropLast()))
        guard !title.isEmpty, !title.contains(". "), !title.contains("? "), !title.contains("! "),
              !title.contains(where: { QuoteMark.isQuoteMark($0) }) else { return nil }
        let words = title.lowercased().split(separator: " ").map { String($0.filter { $0.isLetter }) }
        guard !words.contains(where: { speechWords.contains($0) }) else { return nil }
        if let next = nextParagraph?.first, QuoteMark.isQuoteMark(next) { return nil }
        return title
    }
}
