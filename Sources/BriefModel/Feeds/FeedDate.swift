import Foundation

/// Reads the dates feeds carry: RFC 822 / 1123 (RSS `pubDate`) with the usual deviations, and RFC 3339 / ISO 8601
/// (Atom, JSON Feed, `dc:date`). Hand-written rather than `DateFormatter`: tolerant, thread-safe and fast.
///
///     FeedDate.parse("Tue, 3 Jun 2025 14:05:00 +0200")      // RFC 822
///     FeedDate.parse("2025-06-03T12:05:00Z")                // RFC 3339
public enum FeedDate {
    /// The instant `text` names, or nil when it is not a date in either family. A time without a zone is UTC.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = trimmed.utf8.first else { return nil }
        if first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"), let date = parseISO8601(trimmed) {
            return date
        }
        return parseRFC822(trimmed)
    }

    // MARK: RFC 3339 / ISO 8601

    /// `2025-06-03`, `2025-06-03T12:05Z`, `2025-06-03 12:05:07.250+02:00`, `20250603T120507Z`.
    static func parseISO8601(_ text: String) -> Date? {
        var scanner = ByteScanner(text)
        guard let year = scanner.number(digits: 4) else { return nil }
        let dashed = scanner.skip(UInt8(ascii: "-"))
        guard let month = scanner.number(digits: 2) else { return nil }
        if dashed { guard scanner.skip(UInt8(ascii: "-")) else { return nil } }
        guard let day = scanner.number(digits: 2) else { return nil }
        var hour = 0, minute = 0, second = 0.0, offset = 0
        if let separator = scanner.peek, separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == 0x20 {
            scanner.advance()
            guard let h = scanner.number(digits: 2) else { return nil }
            let colons = scanner.skip(UInt8(ascii: ":"))
            guard let m = scanner.number(digits: 2) else { return nil }
            hour = h
            minute = m
            if !colons || scanner.skip(UInt8(ascii: ":")) {
                if let s = scanner.number(digits: 2) { second = Double(s) }
            }
            if scanner.skip(UInt8(ascii: ".")) || scanner.skip(UInt8(ascii: ",")) {
                var scale = 0.1
                while let digit = scanner.digit() {
                    second += Double(digit) * scale
                    scale /= 10
                }
            }
            scanner.skipSpaces()
            if let zone = scanner.peek {
                if zone == UInt8(ascii: "Z") || zone == UInt8(ascii: "z") {
                    scanner.advance()
                } else if zone == UInt8(ascii: "+") || zone == UInt8(ascii: "-") {
                    scanner.advance()
                    guard let zh = scanner.number(digits: 2) else { return nil }
                    _ = scanner.skip(UInt8(ascii: ":"))
                    let zm = scanner.number(digits: 2) ?? 0
                    offset = (zh * 60 + zm) * 60 * (zone == UInt8(ascii: "-") ? -1 : 1)
                } else {
                    return nil
                }
            }
        }
        scanner.skipSpaces()
        guard scanner.atEnd else { return nil }
        return makeDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
    }

    // MARK: RFC 822

    private static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ]
    /// Zone names RFC 822 allows, and a few that feeds use anyway (hours east of UTC).
    private static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
        "pst": -8, "pdt": -7, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3, "ist": 5, "jst": 9,
    ]

    /// `Tue, 03 Jun 2025 14:05:07 +0200` and its deviations: no weekday, one-digit day, two-digit year, no seconds,
    /// full month or day names, named or `+02:00` zones, a missing zone (UTC), or `2025-06-03`-style weekday commas.
    static func parseRFC822(_ text: String) -> Date? {
        // Tokens: runs of letters, runs of digits (with ':' inside times), and signs before zone digits.
        var words: [Substring] = []
        var start: String.Index? = nil
        for index in text.indices {
            let c = text[index]
            if c == " " || c == "," || c == "\t" || c == "\n" || c == "\r" {
                if let s = start { words.append(text[s..<index]) }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let s = start { words.append(text[s...]) }

        var day: Int?, month: Int?, year: Int?
        var hour = 0, minute = 0, second = 0
        var sawTime = false
        var offset: Int?
        for word in words {
            let lower = word.lowercased()
            if let m = months[String(lower.prefix(3))], lower.first?.isLetter == true, month == nil, lower.count >= 3 {
                month = m
            } else if word.contains(":") && !sawTime && word.first?.isNumber == true {
                let parts = word.split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count >= 2, parts.count <= 3, let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
                hour = h
                minute = m
                if parts.count == 3 { second = Int(parts[2].prefix(2)) ?? 0 }
                sawTime = true
            } else if let sign = word.first, sign == "+" || sign == "-", sawTime, offset == nil {
                let digits = word.dropFirst().filter { $0 != ":" }
                guard digits.count == 4 || digits.count == 2, let value = Int(digits) else { return nil }
                let (h, m) = digits.count == 4 ? (value / 100, value % 100) : (value, 0)
                offset = (h * 60 + m) * 60 * (sign == "-" ? -1 : 1)
            } else if let number = Int(word) {
                if day == nil && number >= 1 && number <= 31 && year == nil {
                    day = number
                } else if year == nil {
                    year = number < 50 ? 2000 + number : (number < 100 ? 1900 + number : number)
                } else {
                    return nil
                }
            } else if let hours = zones[lower], sawTime, offset == nil {
                offset = hours * 3600
            } else if lower.first?.isLetter == true {
                // Weekday names, "am"/"pm" noise and unknown zones are ignored; a wrong weekday is no reason to
                // lose the date.
                continue
            } else {
                return nil
            }
        }
        guard let d = day, let m = month, let y = year else { return nil }
        return makeDate(year: y, month: m, day: d, hour: hour, minute: minute, second: Double(second), offset: offset ?? 0)
    }

    // MARK: Calendar arithmetic

    /// The instant of a proleptic-Gregorian civil time at `offset` seconds east of UTC; nil when out of range.
    static func makeDate(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double, offset: Int) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day), (0...24).contains(hour), (0...59).contains(minute),
              second >= 0, second < 61, (1...9999).contains(year) else { return nil }
        // Days from 1970-01-01 (H. Hinnant's days-from-civil algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 - offset) + second
        return Date(timeIntervalSince1970: seconds)
    }
}
