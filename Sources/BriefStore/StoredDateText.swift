import BriefModel
import Foundation
import GRDB

/// Dates as the cache stores them (GRDB's `YYYY-MM-DD HH:MM:SS.SSS`, UTC), read from their bytes and written
/// (`text`) with integer arithmetic. GRDB reads each through Foundation's calendar, which is most of the time a
/// 100,000-story list takes to load; this gives the same `Date`, bit for bit (`StoredDateTextTests` checks it against
/// GRDB), and leaves every other form of date text to GRDB.
enum StoredDateText {
    /// The date that `bytes` spell in one of the forms GRDB stores (`YYYY-MM-DD`, `YYYY-MM-DD HH:MM`,
    /// `YYYY-MM-DD HH:MM:SS`, `YYYY-MM-DD HH:MM:SS.SSS`), or nil for anything else (the caller then asks GRDB).
    static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        let count = bytes.count
        guard count == 10 || count == 16 || count == 19 || count == 23 else { return nil }
        func number(_ start: Int, _ length: Int) -> Int? {
            var value = 0
            for index in start..<(start + length) {
                let digit = Int(bytes[index]) &- 48
                guard digit >= 0 && digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard bytes[4] == 0x2D, bytes[7] == 0x2D, let year = number(0, 4), let month = number(5, 2),
              let day = number(8, 2), (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        var hour = 0, minute = 0, second = 0, millisecond = 0
        if count >= 16 {
            guard bytes[10] == 0x20, bytes[13] == 0x3A, let h = number(11, 2), let m = number(14, 2), h < 24, m < 60
            else { return nil }
            hour = h
            minute = m
        }
        if count >= 19 {
            guard bytes[16] == 0x3A, let s = number(17, 2), s < 60 else { return nil }
            second = s
        }
        if count == 23 {
            guard bytes[19] == 0x2E, let ms = number(20, 3) else { return nil }
            millisecond = ms
        }
        // As Foundation's calendar adds them up (this order gives its Double to the last bit): the day's start since
        // the reference date (2001-01-01, day 11,323 after 1970-01-01), then the time of day with its fraction.
        let days = daysSince1970(year: year, month: month, day: day) - 11_323
        let timeOfDay = Double(hour * 3_600 + minute * 60 + second) + Double(millisecond * 1_000_000) / 1e9
        return Date(timeIntervalSinceReferenceDate: Double(days) * 86_400 + timeOfDay)
    }

    /// The text GRDB stores for `date` (`YYYY-MM-DD HH:MM:SS.SSS`, UTC), made with integer arithmetic where GRDB
    /// formats through Foundation's `DateFormatter` (ICU), which costs a story's insert more than the rest of its
    /// row. Dates from 1970 to 9999 are made here, with the milliseconds the formatter shows (the time in
    /// milliseconds since 1970 as Foundation computes it, rounded to the nearest, a half up); others are left to
    /// GRDB. `StoredDateTextTests` checks the two agree.
    static func text(_ date: Date) -> String {
        let millis = ((date.timeIntervalSinceReferenceDate + 978_307_200) * 1000).rounded()
        guard millis >= 0, millis < 253_402_300_800_000 else {
            return String.fromDatabaseValue(date.databaseValue) ?? ""
        }
        let total = Int64(millis)
        let days = Int(total / 86_400_000), inDay = Int(total % 86_400_000)
        let (year, month, day) = CalendarDay.civil(daysSince1970: days)
        var bytes = [UInt8](repeating: 0, count: 23)
        func put(_ value: Int, at start: Int, digits: Int) {
            var v = value
            for k in stride(from: start + digits - 1, through: start, by: -1) {
                bytes[k] = UInt8(48 + v % 10)
                v /= 10
            }
        }
        put(year, at: 0, digits: 4); bytes[4] = 0x2D
        put(month, at: 5, digits: 2); bytes[7] = 0x2D
        put(day, at: 8, digits: 2); bytes[10] = 0x20
        put(inDay / 3_600_000, at: 11, digits: 2); bytes[13] = 0x3A
        put(inDay / 60_000 % 60, at: 14, digits: 2); bytes[16] = 0x3A
        put(inDay / 1_000 % 60, at: 17, digits: 2); bytes[19] = 0x2E
        put(inDay % 1_000, at: 20, digits: 3)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the given day of the proleptic Gregorian calendar.
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
