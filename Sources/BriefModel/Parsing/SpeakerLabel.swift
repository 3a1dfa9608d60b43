/// A transcript speaker label opening a paragraph: `MR PRICE:`, `MR. PRICE:`, `QUESTION:`, `Q:`, `A:`,
/// `SPOKESPERSON WANG:`, `MODERATOR:`, with an optional parenthesis (`QUESTION (Reuters):`,
/// `SPOKESPERSON (Ms Katarzyna Nowak):`, `MS NOWAK (via video link):`), or in mixed case when it opens with a
/// title or a transcript role (`Ms Nowak:`, `Question:`, `Moderator:`). The name is at most five words and 40
/// characters, the parenthesis at most 60; the colon is followed by a space or the end of the paragraph.
struct SpeakerLabel: Hashable, Sendable {
    /// The label as written, without the colon (`QUESTION (Reuters)`).
    var name: String
    /// The paragraph text after the label (may be empty when the label stands on its own line).
    var rest: String
    /// The label before any parenthesis (`QUESTION`).
    var head: String
    /// The words inside the parenthesis (`Reuters`), or nil.
    var note: String?

    /// Upper-case lines that are notes, not speakers.
    static let notSpeakers: Set<String> = [
        "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "UPDATE", "UPDATED", "CORRECTION", "CLARIFICATION", "WARNING",
        "SOURCE", "SOURCES", "PHOTO", "FILE PHOTO", "WATCH", "READ MORE", "RELATED", "MORE", "BREAKING",
        "EXCLUSIVE", "ANALYSIS", "FACTBOX", "EXPLAINER", "FACT CHECK", "OPINION", "TAGS", "TOPICS", "SEE ALSO",
    ]

    /// Transcript roles that name nobody (lower case).
    static let roles: Set<String> = [
        "q", "a", "question", "questions", "answer", "moderator", "questioner", "reporter", "journalist",
        "participant", "audience", "audience member", "interpreter", "operator", "host", "chair", "voice",
    ]

    /// First words that let a mixed-case label count (`Ms Nowak:`, `Question:`): honorifics and roles.
    static let mixedCaseOpenings: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "q", "a", "question", "answer", "moderator", "questioner", "reporter",
        "spokesperson", "spokesman", "spokeswoman", "minister", "ambassador", "secretary", "president", "chair",
    ]

    /// Parses a label at the start of `paragraph`, or returns nil. Looks at no more than about 110 characters.
    static func parse(_ paragraph: String) -> SpeakerLabel? {
        // A label's colon comes within its first 101 characters (at most 404 bytes): most paragraphs have none there.
        let colon = paragraph.utf8.withContiguousStorageIfAvailable { $0.prefix(404).contains(UInt8(ascii: ":")) }
        guard colon ?? true else { return nil }
        var letters = 0
        var words = 1
        var length = 0
        var lowercase = false
        var parenStart: String.UnicodeScalarView.Index?
        var parenEnd: String.UnicodeScalarView.Index?
        let scalars = paragraph.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let s = scalars[index]
            length += 1
            if let open = parenStart, parenEnd == nil {
                // Inside the parenthesis: anything but brackets and colons, at most 60 characters.
                if s == ")" {
                    guard scalars.index(after: open) < index else { return nil }
                    parenEnd = index
                } else if s == "(" || s == ":" || length > 100 {
                    return nil
                }
                index = scalars.index(after: index)
                continue
            }
            if parenEnd != nil, s != ":" { return nil } // only the colon may follow the parenthesis
            if s == ":" {
                let headEnd = parenStart ?? index
                var head = String(scalars[scalars.startIndex..<headEnd])
                while head.hasSuffix(" ") { head.removeLast() }
                let name = String(scalars[scalars.startIndex..<index])
                let after = scalars[scalars.index(after: index)...]
                guard letters >= 1, !name.hasSuffix(" "), !notSpeakers.contains(head.uppercased()) else { return nil }
                guard after.isEmpty || after.first == " " else { return nil }
                if lowercase {
                    // Mixed case only after a title or role, with every word capitalised: `Ms Nowak`, not `Note`.
                    let first = head.split(separator: " ").first.map { $0.lowercased() } ?? ""
                    let bare = first.hasSuffix(".") ? String(first.dropLast()) : first
                    guard mixedCaseOpenings.contains(bare),
                          head.split(separator: " ").allSatisfy({ $0.first?.isUppercase == true }) else { return nil }
                }
                var note: String?
                if let open = parenStart, let close = parenEnd {
                    note = ParagraphText.collapse(String(scalars[scalars.index(after: open)..<close]))
                }
                return SpeakerLabel(name: name, rest: ParagraphText.collapse(Substring(after)), head: head, note: note)
            }
            if length > 40 { return nil }
            if s == "(" {
                guard index > scalars.startIndex, scalars[scalars.index(before: index)] == " ", letters >= 1 else { return nil }
                parenStart = index
            } else if s == " " {
                words += 1
                if words > 6 || index == scalars.startIndex { return nil }
            } else if ScalarText.isLetter(s) {
                if ScalarText.isLowercase(s) { lowercase = true }
                letters += 1
            } else if !(s == "." || s == "'" || s == "’" || s == "-") {
                return nil
            }
            index = scalars.index(after: index)
        }
        return nil
    }

    /// True for `QUESTION`, `Q`, `A`, `MODERATOR`: a role that names nobody.
    var isRole: Bool {
        Self.roles.contains(head.lowercased().trimmingDots())
    }
}

private extension String {
    func trimmingDots() -> String {
        var s = self
        while s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
