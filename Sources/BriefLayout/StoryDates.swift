import BriefModel
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
        let (year, month, day) = CalendarDay.civil(daysSince1970: days)
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    /// `format(date)`, or `undated` (padded to the same ten columns) for a story with no date of its own.
    public static func day(_ date: Date?) -> String {
        date.map(format) ?? "undated   "
    }

    private static func padded(_ number: Int, _ digits: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
