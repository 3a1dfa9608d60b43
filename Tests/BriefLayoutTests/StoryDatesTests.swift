@testable import BriefLayout
import Foundation
import Testing

@Suite("Dates as the reader shows them")
struct StoryDatesTests {
    @Test("Every day from 1900 to 2100 formats as the UTC calendar gives it, at midnight and just before")
    func matchesTheCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        // Given instants at the start, middle and last moment of days across two centuries (1900 is no leap year)
        for day in stride(from: -25_567, through: 47_482, by: 1) {
            for offset in [0.0, 43_200.5, 86_399.999] {
                let date = Date(timeIntervalSince1970: Double(day) * 86_400 + offset)
                // Then the formatted day is the calendar's
                let parts = calendar.dateComponents([.year, .month, .day], from: date)
                let expected = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
                #expect(StoryDates.format(date) == expected)
                if StoryDates.format(date) != expected { return }
            }
        }
    }

    @Test("A date no calendar can mean is shown as unknown, not a crash")
    func absurdDates() {
        #expect(StoryDates.format(Date(timeIntervalSince1970: 1e300)) == "????-??-??")
        #expect(StoryDates.format(Date(timeIntervalSince1970: -.infinity)) == "????-??-??")
        #expect(StoryDates.format(Date(timeIntervalSince1970: 0)) == "1970-01-01")
    }
}
