import Foundation

/// Dates as the reader shows them: `2026-11-28`, in UTC so the screen matches `brief list`.
public enum StoryDates {
    /// The UTC calendar day of `date`, computed from the seconds since 1970 (a list row or an entity page
    /// formats hundreds of them per frame; a `Calendar` is much slower and gives the same day).
    public static func format(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        // Beyond what any calendar here can mean (and what Int holds): say so rather than trap.
        guard seconds.isFinite, abs(seconds) < 1e15 else { return "????-??-??" }
        let days = Int(seconds) >= 0 ? Int(seconds) / 86_400 : (Int(seconds) - 86_399) / 86_400
        let (year, month, day) = civil(fromDays: days)
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    /// `format(date)`, or `undated` (padded to the same ten columns) for a story with no date of its own.
    public static func day(_ date: Date?) -> String {
        date.map(format) ?? "undated   "
    }

    /// The proleptic Gregorian date `days` days after 1970-01-01 (Howard Hinnant's days-to-civil algorithm).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func padded(_ number: Int, _ digits: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
