import Foundation
import Testing
import BriefModel

@Suite("Reading feed dates")
struct FeedDateTests {
    /// 2025-06-03 12:05:00 UTC.
    static let noonish = Date(timeIntervalSince1970: 1_748_952_300)

    @Test("RFC 822 dates and their common deviations name the same instant", arguments: [
        "Tue, 03 Jun 2025 12:05:00 GMT",
        "Tue, 03 Jun 2025 14:05:00 +0200",
        "Tue, 3 Jun 2025 08:05:00 EDT",
        "03 Jun 2025 12:05:00 Z",
        "Tuesday, 03 June 2025 12:05:00 UT",
        "Tue, 03 Jun 25 12:05 +0000",
        "Tue, 03 Jun 2025 12:05:00",
        "Tue, 03 Jun 2025 13:05:00 +01:00",
        "Wed, 03 Jun 2025 12:05:00 GMT",
    ])
    func rfc822(_ text: String) {
        #expect(FeedDate.parse(text) == Self.noonish)
    }

    @Test("RFC 3339 and ISO 8601 dates name the same instant", arguments: [
        "2025-06-03T12:05:00Z",
        "2025-06-03T14:05:00+02:00",
        "2025-06-03t12:05:00z",
        "2025-06-03 12:05:00Z",
        "2025-06-03T12:05Z",
        "2025-06-03T07:05:00-05:00",
        "20250603T120500Z",
    ])
    func rfc3339(_ text: String) {
        #expect(FeedDate.parse(text) == Self.noonish)
    }

    @Test("Fractional seconds and bare dates are read")
    func fractionsAndDates() {
        #expect(FeedDate.parse("2025-06-03T12:05:00.250Z") == Self.noonish.addingTimeInterval(0.25))
        #expect(FeedDate.parse("2025-06-03") == Date(timeIntervalSince1970: 1_748_908_800))
        #expect(FeedDate.parse("2000-02-29T00:00:00Z") == Date(timeIntervalSince1970: 951_782_400))
    }

    @Test("Text that is not a date yields nil rather than a wrong date", arguments: [
        "", "yesterday", "2025-13-03T00:00:00Z", "Tue, 32 Jun 2025 12:00:00 GMT", "12:00", "2025-06-03T25:99Z",
    ])
    func notDates(_ text: String) {
        #expect(FeedDate.parse(text) == nil)
    }
}
