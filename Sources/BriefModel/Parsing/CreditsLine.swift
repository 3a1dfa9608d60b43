import Foundation

/// `Reporting by … Editing by …` lines (also `Additional reporting by`, `Writing by`, `Compiled by`, …),
/// optionally in parentheses, as wire stories end.
enum CreditsLine {
    static let openings: [String] = [
        "reporting by ", "additional reporting by ", "writing by ", "compiled by ", "editing by ",
        "reporting and writing by ", "written by ", "edited by ", "reported by ", "research by ",
    ]

    /// True when the paragraph opens with a credits phrase followed by a capitalised name, and is short.
    /// First letters (lower-cased) of the openings, plus brackets: a cheap test that rejects most paragraphs.
    static let initials: Set<UInt8> = Set("rawce([".utf8)

    static func matches(_ paragraph: String) -> Bool {
        guard let head = paragraph.utf8.first, initials.contains(head | 0x20) else { return false }
        let body = paragraph.drop(while: { $0 == "(" || $0 == "[" || $0 == " " })
        let lower = body.prefix(30).lowercased()
        guard let opening = openings.first(where: { lower.hasPrefix($0) }),
              ParagraphText.wordCount(paragraph) <= 80 else { return false }
        // "Writing by candlelight, …" is a sentence, not a credit: a credit names someone.
        var name = body.dropFirst(opening.count)
        if name.hasPrefix("the ") { name = name.dropFirst(4) } // `Compiled by the Valmore newsroom`
        guard let first = name.first else { return false }
        return first.isUppercase
    }
}
