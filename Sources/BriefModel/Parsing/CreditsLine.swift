import Foundation

/// Credit lines: `Reporting by … Editing by …` (also `Additional reporting by`, `Writing by`, `Compiled by`, …),
/// optionally in parentheses or emphasis (`*Compiled by the desk from agency reports*`), as wire stories end; and
/// bylines (`By Sophie Laurent`, `By Sophie Laurent and Tom Bell, Brief Wire`), as they begin.
enum CreditsLine {
    static let openings: [String] = [
        "reporting by ", "additional reporting by ", "writing by ", "compiled by ", "editing by ",
        "reporting and writing by ", "written by ", "edited by ", "reported by ", "research by ",
        "additional writing by ", "graphics by ", "photos by ", "produced by ", "translated by ",
    ]

    /// First letters (lower-cased) of the openings, plus brackets and emphasis marks: a cheap test that rejects
    /// most paragraphs.
    static let initials: Set<UInt8> = Set("rawcegptb([*_".utf8)

    /// Words a byline's names never are (`By Tuesday the talks had ended` is a sentence).
    static let notNames: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "june", "july", "august", "september", "october", "november", "december", "then",
        "now", "contrast", "comparison", "law", "far", "the", "a", "an", "this", "that", "most", "some", "all",
    ]

    /// True when the paragraph is a credit: a credits phrase followed by a name (or `the desk`), short.
    static func matches(_ paragraph: String) -> Bool {
        guard let head = paragraph.utf8.first, initials.contains(head | 0x20) || head == UInt8(ascii: "*")
                || head == UInt8(ascii: "_") else { return false }
        let body = paragraph.drop(while: { $0 == "(" || $0 == "[" || $0 == " " || $0 == "*" || $0 == "_" })
        if hasOpening(body, "by ") { return isByline(body) }
        guard let opening = openings.first(where: { hasOpening(body, $0) }),
              ParagraphText.wordCount(paragraph) <= 80 else { return false }
        // "Writing by candlelight, …" is a sentence, not a credit: a credit names someone.
        var name = body.dropFirst(opening.count)
        if name.hasPrefix("the ") {
            // `Compiled by the Valmore newsroom`, `*Compiled by the desk from agency reports*`: a short line.
            name = name.dropFirst(4)
            if ParagraphText.wordCount(paragraph) <= 16 { return !name.isEmpty }
        }
        guard let first = name.first else { return false }
        return first.isUppercase
    }

    /// True when `text` opens with `opening` (lower-case ASCII) in any case, compared byte by byte.
    private static func hasOpening(_ text: Substring, _ opening: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        for expected in opening.utf8 {
            guard let byte = bytes.next() else { return false }
            let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if folded != expected { return false }
        }
        return true
    }

    /// `By Sophie Laurent`, `By SOPHIE LAURENT`, `By Sophie Laurent and Tom Bell`, `By Sophie Laurent, Brief Wire`:
    /// at most 12 words after `By`, each capitalised or `and`/`in`/`of`, the first a name.
    private static func isByline(_ body: Substring) -> Bool {
        var text = body.dropFirst(3)
        while let last = text.last, last == "*" || last == "_" || last == ")" || last == "]" || last == " " {
            text.removeLast()
        }
        let words = text.split(separator: " ")
        guard (1...12).contains(words.count), !notNames.contains(words[0].lowercased()) else { return false }
        return words.allSatisfy { word in
            let w = word.hasSuffix(",") ? word.dropLast() : word
            guard let first = w.first else { return false }
            return first.isUppercase || w == "and" || w == "in" || w == "of" || w == "&"
        } && words.count(where: { $0.first?.isUppercase == true }) >= 2
    }
}
