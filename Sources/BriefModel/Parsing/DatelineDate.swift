/// The date part of a dateline, read from its comma segments: `Nov 3`, `Nov. 3`, `November 3rd`, `3 November`,
/// `Sept. 30, 2026`, `March 3 2026`, `Tuesday`, `Tuesday, March 3`, `Tue 3 March`, `2026-03-03`, `3.3.2026`
/// (day first with dots) and `3/12` (month first with slashes, as US wires write it).
///
/// A year written in the dateline is used as written. Otherwise the year comes from the reference day (the feed or
/// import date): of the year before, the same year and the year after, the one putting the date nearest the
/// reference but not more than a month after it, preferring a year where a written weekday matches. A weekday alone is the last such weekday on or
/// before the reference. Without a year and without a reference there is no day: nothing is invented.
struct DatelineDate: Hashable, Sendable {
    var month: Int?
    var day: Int?
    var year: Int?
    /// 1 = Sunday … 7 = Saturday.
    var weekday: Int?

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december"]
    static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    var hasDay: Bool { day != nil && month != nil }

    /// Reads one comma segment into `self`; false when the segment is not (part of) a date, leaving `self` as it was.
    mutating func read(segment: String) -> Bool {
        var next = self
        let words = segment.split(whereSeparator: { $0 == " " })
        guard !words.isEmpty, words.count <= 4 else { return false }
        var index = 0
        if let w = Self.weekday(words[0]) {
            guard next.weekday == nil, !next.hasDay else { return false }
            next.weekday = w
            index = 1
        }
        let rest = Array(words[index...])
        switch rest.count {
        case 0:
            break
        case 1:
            let w = rest[0]
            if let year = Self.year(w) {
                guard next.hasDay, next.year == nil else { return false }
                next.year = year
            } else if let numeric = Self.numeric(w) {
                guard !next.hasDay else { return false }
                (next.day, next.month, next.year) = (numeric.day, numeric.month, numeric.year ?? next.year)
            } else {
                return false
            }
        case 2, 3:
            guard !next.hasDay else { return false }
            if let m = Self.month(rest[0]), let d = Self.dayNumber(rest[1]) {
                (next.month, next.day) = (m, d)
            } else if let d = Self.dayNumber(rest[0]), let m = Self.month(rest[1]) {
                (next.month, next.day) = (m, d)
            } else {
                return false
            }
            if rest.count == 3 {
                guard let year = Self.year(rest[2]) else { return false }
                next.year = year
            }
        default:
            return false
        }
        self = next
        return true
    }

    /// How far after the reference day a dateline's day may fall when its year is inferred.
    static let daysAhead = 31

    /// The calendar day, using `reference` for a missing year (see the type's comment).
    func resolve(reference: CalendarDay?) -> CalendarDay? {
        if let month, let day {
            if let year { return CalendarDay(year: year, month: month, day: day) }
            guard let reference else { return nil }
            let candidates = [reference.year - 1, reference.year, reference.year + 1]
                .compactMap { CalendarDay(year: $0, month: month, day: day) }
            // A story is not dated months ahead of its arrival: `March 10` read in December is the March before.
            let possible = candidates.filter { reference.days(to: $0) <= Self.daysAhead }
            let fitting = weekday.map { w in possible.filter { $0.weekday == w } } ?? []
            let pool = fitting.isEmpty ? possible : fitting
            // Nearest to the reference; on a tie the earlier one (a dateline is rarely ahead of its feed).
            return pool.min { a, b in
                let da = abs(a.days(to: reference)), db = abs(b.days(to: reference))
                return da != db ? da < db : a < b
            }
        }
        if let weekday, let reference {
            let back = (reference.weekday - weekday + 7) % 7
            return reference.adding(days: -back)
        }
        return nil
    }

    static func month(_ word: Substring) -> Int? {
        let w = (word.hasSuffix(".") ? word.dropLast() : word).lowercased()
        guard w.count >= 3, w.allSatisfy(\.isLetter) else { return nil }
        // `Sept` as well as `Sep`; `May`, `June` and `July` are their own abbreviations.
        guard let index = months.firstIndex(where: { $0.hasPrefix(w) }) else { return nil }
        return index + 1
    }

    static func weekday(_ word: Substring) -> Int? {
        let w = (word.hasSuffix(".") ? word.dropLast() : word).lowercased()
        guard w.count >= 3, w.allSatisfy(\.isLetter) else { return nil }
        // `Tue`, `Tues`, `Thu`, `Thurs`: a prefix of the full name.
        guard let index = weekdays.firstIndex(where: { $0.hasPrefix(w) }) else { return nil }
        return index + 1
    }

    /// `3`, `03`, `3rd`, `21st`.
    static func dayNumber(_ word: Substring) -> Int? {
        var digits = word
        for suffix in ["st", "nd", "rd", "th"] where digits.lowercased().hasSuffix(suffix) {
            digits = digits.dropLast(2)
            break
        }
        guard (1...2).contains(digits.count), digits.allSatisfy(\.isASCII), let d = Int(digits), (1...31).contains(d)
        else { return nil }
        return d
    }

    static func year(_ word: Substring) -> Int? {
        guard word.count == 4, word.allSatisfy({ $0.isASCII && $0.isNumber }), let y = Int(word),
              (1900...2200).contains(y) else { return nil }
        return y
    }

    /// `2026-03-03`, `3.3.2026` / `03.03.` (day first), `3/12` / `3/12/2026` (month first).
    static func numeric(_ word: Substring) -> (day: Int, month: Int, year: Int?)? {
        guard word.count <= 10, word.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "." || $0 == "/") })
        else { return nil }
        if word.contains("-") {
            let p = word.split(separator: "-", omittingEmptySubsequences: false)
            guard p.count == 3, p[0].count == 4, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]),
                  CalendarDay(year: y, month: m, day: d) != nil else { return nil }
            return (d, m, y)
        }
        let separator: Character = word.contains(".") ? "." : "/"
        var p = word.split(separator: separator, omittingEmptySubsequences: false)
        if separator == ".", p.last?.isEmpty == true { p.removeLast() } // `03.03.`
        guard (2...3).contains(p.count), p[0].count <= 2, p[1].count <= 2, let a = Int(p[0]), let b = Int(p[1])
        else { return nil }
        var year: Int?
        if p.count == 3 {
            guard let y = Self.year(p[2]) else { return nil }
            year = y
        }
        let (d, m) = separator == "." ? (a, b) : (b, a)
        guard (1...12).contains(m), (1...CalendarDay.daysIn(month: m, year: year ?? 2024)).contains(d) else { return nil }
        return (d, m, year)
    }
}
