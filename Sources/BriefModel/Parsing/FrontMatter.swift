import Foundation

/// An optional `---` block of `key: value` lines at the very top of an input, e.g.
/// `date: 2026-11-03`, `source: State Department`, `title: Talks resume`. Unknown keys are ignored.
struct FrontMatter: Hashable, Sendable {
    var title: String?
    var published: Date?
    var source: String?

    /// Splits front matter off `lines`; returns nil front matter (and the lines untouched) when the first line
    /// is not `---` or no closing `---` (or `...`) follows within the first 200 lines.
    static func split(_ lines: [Substring]) -> (FrontMatter?, ArraySlice<Substring>) {
        guard let first = lines.first, ParagraphText.collapse(first) == "---" else { return (nil, lines[...]) }
        var fields: [String: String] = [:]
        var index = 1
        while index < lines.count, index <= 200 {
            let line = ParagraphText.collapse(lines[index])
            if line == "---" || line == "..." {
                var matter = FrontMatter()
                matter.title = fields["title"].flatMap { $0.isEmpty ? nil : $0 }
                matter.source = fields["source"].flatMap { $0.isEmpty ? nil : $0 }
                matter.published = fields["date"].flatMap(parseDate)
                return (matter, lines[(index + 1)...])
            }
            if let colon = line.firstIndex(of: ":"), !line.hasPrefix("#") {
                let key = ParagraphText.collapse(line[..<colon]).lowercased()
                let value = unquote(ParagraphText.collapse(line[line.index(after: colon)...]))
                if !key.isEmpty, !key.contains(" "), fields[key] == nil { fields[key] = value }
            }
            index += 1
        }
        return (nil, lines[...])
    }

    private static func unquote(_ value: String) -> String {
        guard value.count >= 2, let f = value.first, let l = value.last, f == l, f == "\"" || f == "'" else {
            return value
        }
        return String(value.dropFirst().dropLast())
    }

    /// ISO 8601: `YYYY-MM-DD`, optionally `T` or space then `HH:MM[:SS[.fff]]` and `Z` or `±HH[:MM]`.
    /// A date alone is midnight UTC; a time without a zone is taken as UTC. Anything else gives nil.
    static func parseDate(_ text: String) -> Date? {
        let s = Array(text.utf8)
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= s.count else { return nil }
            var value = 0
            for k in i..<(i + digits) {
                guard s[k] >= 0x30, s[k] <= 0x39 else { return nil }
                value = value * 10 + Int(s[k] - 0x30)
            }
            i += digits
            return value
        }
        func take(_ byte: UInt8) -> Bool {
            guard i < s.count, s[i] == byte else { return false }
            i += 1
            return true
        }
        guard let year = number(4), take(0x2D), let month = number(2), take(0x2D), let day = number(2),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        var hour = 0, minute = 0, second = 0
        var fraction = 0.0
        var offsetSeconds = 0
        if i < s.count, s[i] == 0x54 || s[i] == 0x74 || s[i] == 0x20 {
            i += 1
            guard let h = number(2), take(0x3A), let m = number(2), h < 24, m < 60 else { return nil }
            hour = h; minute = m
            if take(0x3A) {
                guard let sec = number(2), sec < 61 else { return nil }
                second = sec
                if take(0x2E) || take(0x2C) {
                    var scale = 0.1
                    var any = false
                    while i < s.count, s[i] >= 0x30, s[i] <= 0x39 {
                        fraction += Double(s[i] - 0x30) * scale
                        scale /= 10
                        i += 1
                        any = true
                    }
                    guard any else { return nil }
                }
            }
            if take(0x5A) || take(0x7A) {
                offsetSeconds = 0
            } else if i < s.count, s[i] == 0x2B || s[i] == 0x2D {
                let sign = s[i] == 0x2D ? -1 : 1
                i += 1
                guard let oh = number(2), oh < 24 else { return nil }
                var om = 0
                if take(0x3A) {
                    guard let m = number(2) else { return nil }
                    om = m
                } else if i < s.count {
                    guard let m = number(2) else { return nil }
                    om = m
                }
                guard om < 60 else { return nil }
                offsetSeconds = sign * (oh * 3600 + om * 60)
            }
        }
        guard i == s.count else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        guard let utc = TimeZone(identifier: "UTC") else { return nil }
        calendar.timeZone = utc
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        // Reject dates the calendar would roll over, such as February 30.
        guard let date = calendar.date(from: components),
              calendar.component(.day, from: date) == day else { return nil }
        return date.addingTimeInterval(fraction - Double(offsetSeconds))
    }
}
