import Foundation

/// Lifts a wire dateline off the front of a lede:
/// `REYKJAVIK/MOSCOW (Reuters) – …`, `WASHINGTON, Nov 3 (Reuters) - …`, `KYIV (AP) — …`,
/// `BEIJING, March 5 (Xinhua) -- …`, `GENEVA — …`, `UNITED NATIONS (AFP) - …`.
///
/// Places are kept as written (`REYKJAVIK`, not `Reykjavik`): the text is the record, a view may re-case it.
/// The shape is required, so ordinary openings such as `U.S. officials said …` are not datelines:
/// places then optional `, date` / `, region` then optional `(agency)` then a dash. Upper-case places are
/// needed unless an agency is named; a plain hyphen needs an agency or a date; – — and -- are enough alone.
enum DatelineReader {
    /// The dateline and the lede text after it (possibly empty), or nil when the text does not open with one.
    /// `reference` (the feed or import day) gives the year of a date written without one.
    static func read(_ text: String, reference: CalendarDay? = nil) -> (dateline: Dateline, rest: String)? {
        let s = Array(text.unicodeScalars.prefix(200))
        let n = s.count
        var i = 0

        // Places: letters, spaces, and / . ' ’ and hyphens inside words.
        while i < n {
            let c = s[i]
            if c == "(" || c == "," || isDash(s, i) { break }
            guard ScalarText.isLetter(c) || c == " " || c == "/" || c == "." || c == "'" || c == "’" || c == "-"
            else { return nil }
            i += 1
            if i > 60 { return nil }
        }
        let placeText = ParagraphText.collapse(ScalarText.string(s[0..<i]))
        guard placeText.unicodeScalars.filter({ ScalarText.isLetter($0) }).count >= 2,
              ParagraphText.wordCount(placeText) <= 6 else { return nil }
        let upper = !placeText.unicodeScalars.contains {
            ScalarText.isLowercase($0)
        }
        var places = placeText.split(separator: "/").map { ParagraphText.collapse($0) }
        guard !places.isEmpty, !places.contains(where: \.isEmpty) else { return nil }

        // Comma segments: date parts (`Nov 3`, `Tuesday`, `3 November`, then an optional year) or a region (`Ukraine`).
        var parsed = DatelineDate()
        var dateParts: [String] = []
        var segments = 0
        while i < n, s[i] == "," {
            segments += 1
            guard segments <= 4 else { return nil }
            i += 1
            let start = i
            while i < n, s[i] != "(", s[i] != ",", !isDash(s, i) { i += 1 }
            let segment = ParagraphText.collapse(ScalarText.string(s[start..<i]))
            guard !segment.isEmpty, segment.count <= 30 else { return nil }
            if parsed.read(segment: segment) {
                dateParts.append(segment)
            } else if dateParts.isEmpty, let first = segment.first, first.isUppercase,
                      segment.allSatisfy({ $0.isLetter || $0 == " " || $0 == "." || $0 == "-" }),
                      let last = places.popLast() {
                places.append(last + ", " + segment)
            } else {
                return nil
            }
        }
        let date: String? = dateParts.isEmpty ? nil : dateParts.joined(separator: ", ")

        while i < n, s[i] == " " { i += 1 }
        var agency: String?
        if i < n, s[i] == "(" {
            let start = i + 1
            var end = start
            while end < n, end - start <= 40, s[end] != ")", s[end] != "(" { end += 1 }
            guard end < n, s[end] == ")" else { return nil }
            let name = ParagraphText.collapse(ScalarText.string(s[start..<end]))
            // An agency is a name: `Reuters`, `AP`, `Reuters Breakingviews`, not `Reuters reported`.
            let words = name.split(separator: " ")
            guard !words.isEmpty, words.count <= 4,
                  words.allSatisfy({ $0.first?.isUppercase == true || $0 == "of" || $0 == "de" }) else { return nil }
            agency = name
            i = end + 1
        }

        while i < n, s[i] == " " { i += 1 }
        guard i < n else { return nil }
        var strongDash = true
        if s[i] == "\u{2013}" || s[i] == "\u{2014}" {
            i += 1
        } else if s[i] == "-" {
            if i + 1 < n, s[i + 1] == "-" { i += 2 } else { i += 1; strongDash = false }
        } else {
            return nil
        }
        if !strongDash, agency == nil, date == nil { return nil }
        if !upper, agency == nil { return nil }
        if i < n, s[i] != " " {
            // `GENEVA —Talks` is accepted, but not a hyphenated word such as `GENEVA-BASED`.
            guard strongDash else { return nil }
        }
        let rest = ParagraphText.collapse(Substring(text.unicodeScalars.dropFirst(i)))
        return (Dateline(places: places, agency: agency, date: date, day: parsed.resolve(reference: reference)), rest)
    }

    /// True when the line ends with a dateline dash (`GENEVA —`), which is never a heading.
    static func endsWithDash(_ line: String) -> Bool {
        let s = Array(line.unicodeScalars.suffix(3))
        guard let last = s.last else { return false }
        if last == "\u{2013}" || last == "\u{2014}" { return true }
        return last == "-" && s.count >= 2 && (s[s.count - 2] == " " || s[s.count - 2] == "-")
    }

    /// A dash separating dateline from text: – or —, or a hyphen next to a space or another hyphen.
    private static func isDash(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        let c = s[i]
        if c == "\u{2013}" || c == "\u{2014}" { return true }
        guard c == "-" else { return false }
        return (i > 0 && s[i - 1] == " ") || (i + 1 < s.count && (s[i + 1] == " " || s[i + 1] == "-"))
    }
}
