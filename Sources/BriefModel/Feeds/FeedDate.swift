import Foundation

/// Reads the dates feeds carry: RFC 822 / 1123 / 2822 (RSS `pubDate`) with the usual deviations, RFC 3339 / ISO 8601
/// (Atom, JSON Feed, `dc:date`) with its variants, and the shapes real feeds write beside them. Hand-written rather
/// than `DateFormatter`: tolerant, thread-safe and fast.
///
///     FeedDate.parse("Tue, 3 Jun 2025 14:05:00 +0200")      // RFC 822
///     FeedDate.parse("2025-06-03T12:05:00Z")                // RFC 3339
///     FeedDate.parse("mar., 3 juin 2025 14:05 CEST")        // French, a zone abbreviation
///
/// What is not a date gives nil, never an invented instant: an impossible day (`31 Jun`), an unknown month word,
/// numbers that could be read two ways (`03/06/2025`), a zone offset beyond ±18 hours. A time without a zone is
/// UTC; an unknown zone abbreviation is ignored (the day is still right).
public enum FeedDate {
    /// The instant `text` names, or nil when it is not a date in any shape known.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.feedTrimmed
        guard let first = trimmed.utf8.first else { return nil }
        if first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"), let date = parseISO8601(trimmed) {
            return date
        }
        if let date = parseCanonicalRFC822(trimmed) { return date }
        return parseRFC822(trimmed)
    }

    // MARK: RFC 822, the canonical shape

    /// The shape nearly every RSS feed writes, read straight from the bytes: `Tue, 03 Jun 2025 14:05:07 +0200`
    /// (English weekday and month, a numeric zone or GMT/UT/UTC/Z; seconds optional). Nil for anything else, which
    /// `parseRFC822` then reads; never a different instant from it.
    static func parseCanonicalRFC822(_ text: String) -> Date? {
        var scanner = ByteScanner(text)
        // Weekday: three letters and a comma.
        if let b = scanner.peek, isASCIILetter(b) {
            for _ in 0..<3 {
                guard let l = scanner.peek, isASCIILetter(l) else { return nil }
                scanner.advance()
            }
            guard scanner.skip(UInt8(ascii: ",")) else { return nil }
            scanner.skipSpaces()
        }
        let day: Int
        if let d = scanner.number(digits: 2) {
            day = d
        } else if let d = scanner.digit() {
            day = d
        } else {
            return nil
        }
        guard scanner.skip(0x20), let month = englishMonth(&scanner), scanner.skip(0x20),
              let year = scanner.number(digits: 4), scanner.skip(0x20),
              let hour = scanner.number(digits: 2), scanner.skip(UInt8(ascii: ":")),
              let minute = scanner.number(digits: 2) else { return nil }
        var second = 0
        if scanner.skip(UInt8(ascii: ":")) {
            guard let s = scanner.number(digits: 2) else { return nil }
            second = s
        }
        var offset = 0
        if scanner.skip(0x20) {
            if let sign = scanner.peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                scanner.advance()
                guard let value = scanner.number(digits: 4) else { return nil }
                guard value / 100 <= 18, value % 100 < 60 else { return nil }
                offset = (value / 100 * 60 + value % 100) * 60 * (sign == UInt8(ascii: "-") ? -1 : 1)
            } else {
                let rest = scanner.bytes[scanner.position...]
                guard rest.elementsEqual("GMT".utf8) || rest.elementsEqual("UT".utf8) || rest.elementsEqual("UTC".utf8)
                        || rest.elementsEqual("Z".utf8) else { return nil }
                scanner.position = scanner.bytes.count
            }
        }
        guard scanner.atEnd else { return nil }
        return makeDate(year: year, month: month, day: day, hour: hour, minute: minute, second: Double(second),
                        offset: offset)
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// An English three-letter month abbreviation at the scanner, any case.
    private static func englishMonth(_ scanner: inout ByteScanner) -> Int? {
        guard scanner.position + 3 <= scanner.bytes.count else { return nil }
        let b = scanner.bytes
        let p = scanner.position
        let key = (UInt32(b[p] | 0x20) << 16) | (UInt32(b[p + 1] | 0x20) << 8) | UInt32(b[p + 2] | 0x20)
        guard let month = englishMonths[key] else { return nil }
        scanner.position += 3
        return month
    }

    /// The English month abbreviations, keyed by their three lower-case bytes.
    private static let englishMonths: [UInt32: Int] = {
        var table: [UInt32: Int] = [:]
        for (index, name) in ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].enumerated() {
            let b = Array(name.utf8)
            table[(UInt32(b[0]) << 16) | (UInt32(b[1]) << 8) | UInt32(b[2])] = index + 1
        }
        return table
    }()

    // MARK: RFC 3339 / ISO 8601

    /// `2025-06-03`, `2025-06`, `2025-06-03T12:05Z`, `2025-06-03 12:05:07.250+02:00`, `20250603T120507Z`,
    /// `2025-154` (ordinal), `2025-W23-2` (week date), `2025/06/03 12:05`, and a zone name after the time.
    static func parseISO8601(_ text: String) -> Date? {
        var scanner = ByteScanner(text)
        guard let year = scanner.number(digits: 4) else { return nil }
        var separator: UInt8?
        if let next = scanner.peek, next == UInt8(ascii: "-") || next == UInt8(ascii: "/") {
            separator = next
            scanner.advance()
        }
        var month = 1, day = 1
        if scanner.skip(UInt8(ascii: "W")) {
            // Week date: YYYY-Www-D or YYYYWwwD.
            guard let week = scanner.number(digits: 2) else { return nil }
            if separator != nil { _ = scanner.skip(UInt8(ascii: "-")) }
            let weekday = scanner.digit() ?? 1
            guard (1...53).contains(week), (1...7).contains(weekday),
                  let start = weekDateStart(year: year) else { return nil }
            return finishISO(&scanner, year: year, month: 1, day: 1,
                             dayOffset: start + (week - 1) * 7 + weekday - 1, strictDay: false)
        }
        if separator != nil {
            let (count, run) = scanner.digitRun(maxDigits: 3)
            guard let value = run else { return nil }
            if count == 3 {
                // Ordinal date: YYYY-DDD.
                guard (1...(isLeap(year) ? 366 : 365)).contains(value) else { return nil }
                return finishISO(&scanner, year: year, month: 1, day: 1, dayOffset: value - 1, strictDay: false)
            }
            guard count == 1 || count == 2 else { return nil }
            month = value
            if scanner.skip(separator!) {
                let (dayCount, dayValue) = scanner.digitRun(maxDigits: 2)
                guard let dayValue, dayCount >= 1 else { return nil }
                day = dayValue
            } else if !scanner.atEnd {
                return nil
            }
        } else {
            guard let m = scanner.number(digits: 2), let d = scanner.number(digits: 2) else { return nil }
            month = m
            day = d
        }
        return finishISO(&scanner, year: year, month: month, day: day, dayOffset: 0, strictDay: true)
    }

    /// The time and zone after an ISO 8601 date, and the instant.
    private static func finishISO(_ scanner: inout ByteScanner, year: Int, month: Int, day: Int, dayOffset: Int,
                                  strictDay: Bool) -> Date? {
        var hour = 0, minute = 0, second = 0.0, offset = 0
        if let separator = scanner.peek, separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == 0x20 {
            scanner.advance()
            scanner.skipSpaces()
            guard let h = scanner.number(digits: 2) else { return nil }
            hour = h
            let colons = scanner.skip(UInt8(ascii: ":"))
            if let m = scanner.number(digits: 2) {
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
            } else if colons {
                return nil
            }
            scanner.skipSpaces()
            guard let zone = zoneOffset(&scanner) else { return nil }
            offset = zone
        }
        scanner.skipSpaces()
        guard scanner.atEnd else { return nil }
        if !strictDay {
            guard let base = makeDate(year: year, month: 1, day: 1, hour: hour, minute: minute, second: second,
                                      offset: offset) else { return nil }
            return base.addingTimeInterval(Double(dayOffset) * 86_400)
        }
        return makeDate(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
    }

    /// The zone after an ISO time in seconds east of UTC: `Z`, `+02:00`, `+0200`, `+02`, a zone name, or none (0);
    /// nil when what follows is not a zone.
    private static func zoneOffset(_ scanner: inout ByteScanner) -> Int? {
        guard let zone = scanner.peek else { return 0 }
        if zone == UInt8(ascii: "Z") || zone == UInt8(ascii: "z") {
            scanner.advance()
            if scanner.atEnd || scanner.peek == 0x20 { return 0 }
        }
        if zone == UInt8(ascii: "+") || zone == UInt8(ascii: "-") {
            scanner.advance()
            guard let zh = scanner.number(digits: 2) else { return nil }
            _ = scanner.skip(UInt8(ascii: ":"))
            let zm = scanner.number(digits: 2) ?? 0
            guard zh <= 18, zm < 60 else { return nil }
            return (zh * 60 + zm) * 60 * (zone == UInt8(ascii: "-") ? -1 : 1)
        }
        // A zone name (`2025-06-03 12:05:00 GMT`).
        let rest = String(decoding: scanner.bytes[scanner.position...], as: UTF8.self).lowercased()
        scanner.position = scanner.bytes.count
        if rest.isEmpty { return 0 }
        if let minutes = FeedDateNames.zones[rest] { return minutes * 60 }
        return namedZoneOffset(rest)
    }

    // MARK: RFC 822 and other written-out dates

    /// `Tue, 03 Jun 2025 14:05:07 +0200` and its deviations: no weekday, one-digit day, two-digit year, no seconds,
    /// full or non-English month and day names, named, `+02:00` or `GMT+2` zones, a missing zone (UTC), a zone
    /// comment in parentheses, `am`/`pm`, ctime order (`Tue Jun 3 12:05:00 UTC 2025`), `03.06.2025`.
    static func parseRFC822(_ text: String) -> Date? {
        var day: Int?, month: Int?, year: Int?
        var hour = 0, minute = 0, second = 0
        var sawTime = false
        var numericOffset: Int?
        var namedOffset: Int?
        var afternoon: Bool?
        // A month word before any number may be a weekday abbreviation in another language (`mar.` is Tuesday
        // in French and Spanish): a later month word replaces it.
        var monthBeforeNumbers = false
        var numbersSeen = 0
        for written in words(of: text) {
            // `3.` is a day in German and Scandinavian dates.
            let ordinal = written.count > 1 && written.hasSuffix(".") && written.dropLast().allSatisfy(\.isNumber)
            let word = ordinal ? written.dropLast() : written
            let lower = word.lowercased()
            let letters = lower.hasSuffix(".") ? String(lower.dropLast()) : lower
            if let first = letters.unicodeScalars.first, CharacterSet.letters.contains(first) {
                if letters == "am" || letters == "a.m" || letters == "pm" || letters == "p.m" {
                    afternoon = letters.hasPrefix("p")
                } else if let m = FeedDateNames.month(letters), month == nil || monthBeforeNumbers {
                    monthBeforeNumbers = month == nil && numbersSeen == 0
                    month = m
                } else if let minutes = FeedDateNames.zones[letters], sawTime, namedOffset == nil {
                    namedOffset = minutes * 60
                } else if sawTime, namedOffset == nil, letters.hasPrefix("gmt") || letters.hasPrefix("utc"),
                          let sign = letters.dropFirst(3).first, sign == "+" || sign == "-" {
                    guard let offset = signedOffset(Substring(letters.dropFirst(3))) else { return nil }
                    namedOffset = offset
                } else if sawTime, namedOffset == nil, letters.contains("/"), let offset = namedZoneOffset(word) {
                    namedOffset = offset
                }
                // Weekday names, other words and unknown zones are ignored: a wrong weekday is no reason to lose
                // the date.
                continue
            }
            if word.contains(":") && !sawTime && word.first?.isNumber == true {
                let parts = word.split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count >= 2, parts.count <= 3, let h = Int(parts[0]), let m = Int(parts[1]),
                      parts[1].count == 2 else { return nil }
                hour = h
                minute = m
                if parts.count == 3 {
                    guard let s = Int(parts[2].prefix { $0.isNumber }), parts[2].first?.isNumber == true else { return nil }
                    second = s
                }
                sawTime = true
            } else if let sign = word.first, sign == "+" || sign == "-", sawTime, numericOffset == nil {
                guard let offset = signedOffset(word) else { return nil }
                numericOffset = offset
            } else if word.contains(".") && word.first?.isNumber == true {
                // 03.06.2025: day first, as written where dots are used.
                let parts = word.split(separator: ".", omittingEmptySubsequences: true)
                guard parts.count == 3, day == nil, month == nil, year == nil, let d = Int(parts[0]), let m = Int(parts[1]),
                      let y = Int(parts[2]), parts[2].count == 4 || parts[2].count == 2 else { return nil }
                day = d
                month = m
                year = fullYear(y, digits: parts[2].count)
                numbersSeen += 1
            } else if let number = Int(word), word.allSatisfy(\.isNumber) {
                numbersSeen += 1
                if word.count >= 3 || number > 31 {
                    guard year == nil else { return nil }
                    year = fullYear(number, digits: word.count)
                } else if day == nil {
                    day = number
                } else if year == nil {
                    year = fullYear(number, digits: word.count)
                } else {
                    return nil
                }
            } else {
                return nil
            }
        }
        guard let d = day, let m = month, let y = year else { return nil }
        if let afternoon {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (afternoon ? 12 : 0)
        }
        return makeDate(year: y, month: m, day: d, hour: hour, minute: minute, second: Double(second),
                        offset: numericOffset ?? namedOffset ?? 0)
    }

    /// The words of a written date: split at spaces and commas, with parenthesised comments (`(CEST)`) left out.
    private static func words(of text: String) -> [Substring] {
        var words: [Substring] = []
        var start: String.Index? = nil
        var depth = 0
        for index in text.indices {
            let c = text[index]
            if c == "(" || c == ")" || c == " " || c == "," || c == "\t" || c == "\n" || c == "\r" {
                if let s = start, depth == 0 { words.append(text[s..<index]) }
                start = nil
                if c == "(" { depth += 1 }
                if c == ")" { depth = max(0, depth - 1) }
            } else if start == nil {
                start = index
            }
        }
        if let s = start, depth == 0 { words.append(text[s...]) }
        return words
    }

    /// `+0200`, `-05:00`, `+2`, `+05` as seconds east of UTC; nil when malformed or beyond ±18 hours.
    private static func signedOffset(_ word: Substring) -> Int? {
        guard let sign = word.first, sign == "+" || sign == "-" else { return nil }
        let digits = word.dropFirst().filter { $0 != ":" }
        guard digits.allSatisfy(\.isASCII), let value = Int(digits) else { return nil }
        let (h, m): (Int, Int)
        switch digits.count {
        case 1, 2: (h, m) = (value, 0)
        case 3, 4: (h, m) = (value / 100, value % 100)
        default: return nil
        }
        guard h <= 18, m < 60 else { return nil }
        return (h * 60 + m) * 60 * (sign == "-" ? -1 : 1)
    }

    /// An IANA zone name (`Europe/Paris`) as its current offset from UTC, if the system knows it.
    private static func namedZoneOffset<S: StringProtocol>(_ name: S) -> Int? {
        guard name.contains("/"), let zone = TimeZone(identifier: String(name)) else { return nil }
        return zone.secondsFromGMT()
    }

    /// A year as written: two digits are 1950–2049 (RFC 2822 §4.3), three are 1900 + the value.
    private static func fullYear(_ value: Int, digits: Int) -> Int {
        switch digits {
        case ...2: return value < 50 ? 2000 + value : 1900 + value
        case 3: return 1900 + value
        default: return value
        }
    }

    // MARK: Calendar arithmetic

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1 January of `year` to the Monday that starts ISO week 1 (negative when it is in December).
    private static func weekDateStart(year: Int) -> Int? {
        guard let jan4 = makeDate(year: year, month: 1, day: 4, hour: 0, minute: 0, second: 0, offset: 0) else { return nil }
        let days = Int((jan4.timeIntervalSince1970 / 86_400).rounded(.down))
        // 1970-01-01 was a Thursday (ISO weekday 4).
        let weekday = ((days + 3) % 7 + 7) % 7 + 1
        return 3 - (weekday - 1)
    }

    /// The instant of a proleptic-Gregorian civil time at `offset` seconds east of UTC; nil when any part is out of
    /// range (a 31 June, a 29 February outside leap years, 24:30).
    static func makeDate(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double, offset: Int) -> Date? {
        guard (1...9999).contains(year), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              (0...24).contains(hour), (0...59).contains(minute), second >= 0, second < 61,
              hour < 24 || (minute == 0 && second == 0), abs(offset) <= 18 * 3600 else { return nil }
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
