/// A transcript speaker label opening a paragraph: `MR PRICE:`, `MR. PRICE:`, `QUESTION:`, `Q:`,
/// `SPOKESPERSON WANG:`, `MODERATOR:`. Labels are upper case, at most five words, and end with a colon
/// followed by a space or the end of the paragraph.
struct SpeakerLabel: Hashable, Sendable {
    /// The label as written, without the colon.
    var name: String
    /// The paragraph text after the label (may be empty when the label stands on its own line).
    var rest: String

    /// Upper-case lines that are notes, not speakers.
    static let notSpeakers: Set<String> = [
        "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "UPDATE", "UPDATED", "CORRECTION", "CLARIFICATION", "WARNING",
        "SOURCE", "SOURCES", "PHOTO", "FILE PHOTO", "WATCH", "READ MORE", "RELATED", "MORE", "BREAKING",
        "EXCLUSIVE", "ANALYSIS", "FACTBOX", "EXPLAINER", "FACT CHECK", "OPINION", "TAGS", "TOPICS", "SEE ALSO",
    ]

    /// Parses a label at the start of `paragraph`, or returns nil.
    static func parse(_ paragraph: String) -> SpeakerLabel? {
        var letters = 0
        var words = 1
        var length = 0
        let scalars = paragraph.unicodeScalars
        for index in scalars.indices {
            let s = scalars[index]
            length += 1
            if length > 40 { return nil }
            if s == ":" {
                let name = String(scalars[scalars.startIndex..<index])
                let after = scalars[scalars.index(after: index)...]
                guard letters >= 1, !name.hasSuffix(" "), !notSpeakers.contains(name) else { return nil }
                guard after.isEmpty || after.first == " " else { return nil }
                return SpeakerLabel(name: name, rest: ParagraphText.collapse(Substring(after)))
            }
            if s == " " {
                words += 1
                if words > 5 || index == scalars.startIndex { return nil }
            } else if ScalarText.isLetter(s) {
                if ScalarText.isLowercase(s) {
                    return nil
                }
                letters += 1
            } else if !(s == "." || s == "'" || s == "’" || s == "-") {
                return nil
            }
        }
        return nil
    }
}
