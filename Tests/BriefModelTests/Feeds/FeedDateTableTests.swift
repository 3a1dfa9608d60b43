import Foundation
import Testing
import BriefModel

/// One table of date strings as feeds write them, each with the instant it names (seconds since 1970, UTC) or nil
/// when it names none. Written for Brief; the shapes are those of RFC 822/1123/2822, RFC 3339 / ISO 8601 and the
/// deviations real feeds carry.
@Suite("Reading feed dates: the table")
struct FeedDateTableTests {
    /// 2025-06-03 12:05:00 UTC.
    static let noon: TimeInterval = 1_748_952_300
    /// 2025-06-03 00:00:00 UTC.
    static let midnight: TimeInterval = 1_748_908_800

    static let table: [(String, TimeInterval?)] = [
        // RFC 822 / 1123 and their usual deviations
        ("Tue, 03 Jun 2025 12:05:00 GMT", noon),
        ("Tue, 03 Jun 2025 12:05:00 UT", noon),
        ("Tue, 03 Jun 2025 12:05:00 UTC", noon),
        ("Tue, 03 Jun 2025 12:05:00 Z", noon),
        ("Tue, 03 Jun 2025 14:05:00 +0200", noon),
        ("Tue, 03 Jun 2025 07:05:00 -0500", noon),
        ("Tue, 03 Jun 2025 14:05:00 +02:00", noon),
        ("Tue, 03 Jun 2025 14:05:00 +02", noon),
        ("Tue, 3 Jun 2025 12:05:00 GMT", noon),
        ("03 Jun 2025 12:05:00 GMT", noon),
        ("Tue, 03 Jun 2025 12:05 GMT", noon),
        ("3 Jun 2025 12:05 GMT", noon),
        ("Tue, 03 Jun 25 12:05:00 GMT", noon),
        ("Tue, 03 Jun 2025 12:05:00", noon),
        ("Tuesday, 03 June 2025 12:05:00 GMT", noon),
        ("Tue,03 Jun 2025 12:05:00 GMT", noon),
        ("Tue, 03 Jun 2025 12:05:00 +0000 (UTC)", noon),
        ("Tue, 03 Jun 2025 14:05:00 +0200 (CEST)", noon),
        ("Tue, 03 Jun 2025 12:05:00 GMT+0000", noon),
        ("Tue, 03 Jun 2025 14:05:00 GMT+2", noon),
        ("Tue, 03 Jun 2025 17:35:00 UTC+05:30", noon),
        ("Wed, 03 Jun 2025 12:05:00 GMT", noon),
        ("  Tue, 03 Jun 2025 12:05:00 GMT\n", noon),
        // Zone abbreviations
        ("Tue, 03 Jun 2025 08:05:00 EDT", noon),
        ("Tue, 03 Jun 2025 07:05:00 EST", noon),
        ("Tue, 03 Jun 2025 07:05:00 CDT", noon),
        ("Tue, 03 Jun 2025 05:05:00 PDT", noon),
        ("Tue, 03 Jun 2025 04:05:00 PST", noon),
        ("Tue, 03 Jun 2025 06:05:00 MDT", noon),
        ("Tue, 03 Jun 2025 13:05:00 BST", noon),
        ("Tue, 03 Jun 2025 13:05:00 CET", noon),
        ("Tue, 03 Jun 2025 14:05:00 CEST", noon),
        ("Tue, 03 Jun 2025 15:05:00 EEST", noon),
        ("Tue, 03 Jun 2025 15:05:00 MSK", noon),
        ("Tue, 03 Jun 2025 17:35:00 IST", noon),
        ("Tue, 03 Jun 2025 21:05:00 JST", noon),
        ("Tue, 03 Jun 2025 22:05:00 AEST", noon),
        ("Tue, 03 Jun 2025 02:05:00 HST", noon),
        ("Tue, 03 Jun 2025 12:05:00 gmt", noon),
        // Other written orders
        ("Tue Jun 3 12:05:00 UTC 2025", noon),
        ("Tue Jun 03 12:05:00 2025", noon),
        ("June 3, 2025 12:05 GMT", noon),
        ("June 3, 2025", midnight),
        ("3 June 2025", midnight),
        ("Jun 3 2025 12:05:00 PM", noon),
        ("Jun 3 2025 12:05 AM", midnight + 300),
        ("03 Jun 2025 1:05 pm", noon + 3600),
        ("03.06.2025 12:05", noon),
        ("03.06.2025", midnight),
        // Other languages
        ("mar., 03 juin 2025 14:05:00 +0200", noon),
        ("3 juillet 2025", midnight + 30 * 86_400),
        ("Di, 03 Jun 2025 12:05:00 GMT", noon),
        ("3. Juni 2025 14:05 MESZ", noon),
        ("03 Dez 2025", 1_764_720_000),
        ("3 de junio de 2025", midnight),
        ("03 ago 2025", midnight + 61 * 86_400),
        ("3 giugno 2025", midnight),
        ("3 de junho de 2025", midnight),
        ("3 juni 2025", midnight),
        ("3 июня 2025", midnight),
        ("3 févr. 2025", 1_738_540_800),
        // RFC 3339 / ISO 8601
        ("2025-06-03T12:05:00Z", noon),
        ("2025-06-03T12:05:00z", noon),
        ("2025-06-03t12:05:00Z", noon),
        ("2025-06-03T14:05:00+02:00", noon),
        ("2025-06-03T07:05:00-05:00", noon),
        ("2025-06-03T14:05:00+0200", noon),
        ("2025-06-03T14:05:00+02", noon),
        ("2025-06-03T12:05:00.250Z", noon + 0.25),
        ("2025-06-03T12:05:00,5Z", noon + 0.5),
        ("2025-06-03T12:05Z", noon),
        ("2025-06-03T12Z", noon - 300),
        ("2025-06-03 12:05:00", noon),
        ("2025-06-03 12:05:00 GMT", noon),
        ("2025-06-03 08:05:00 EDT", noon),
        ("2025-06-03T12:05:00 +00:00", noon),
        ("20250603T120500Z", noon),
        ("20250603T1205Z", noon),
        ("2025-06-03", midnight),
        ("20250603", midnight),
        ("2025-06", midnight - 2 * 86_400),
        ("2025-6-3", midnight),
        ("2025/06/03 12:05", noon),
        ("2025-154", midnight),
        ("2025-W23-2", midnight),
        ("2025W232", midnight),
        ("2000-02-29T00:00:00Z", 951_782_400),
        ("2025-06-03T24:00:00Z", midnight + 86_400),
        // Not dates, or not real ones: no date rather than an invented one
        ("", nil),
        ("   ", nil),
        ("yesterday", nil),
        ("soon", nil),
        ("12:05", nil),
        ("12:05:00 GMT", nil),
        ("2025", nil),
        ("Jun 2025", nil),
        ("Tue, 32 Jun 2025 12:00:00 GMT", nil),
        ("Tue, 31 Jun 2025 12:00:00 GMT", nil),
        ("Sat, 29 Feb 2025 12:00:00 GMT", nil),
        ("Tue, 03 Foo 2025 12:05:00 GMT", nil),
        ("Tue, 03 Jun 2025 25:05:00 GMT", nil),
        ("Tue, 03 Jun 2025 12:65:00 GMT", nil),
        ("Tue, 03 Jun 2025 12:05:00 +2500", nil),
        ("Tue, 03 Jun 2025 12:05:00 +02000", nil),
        ("Tue, 03 Jun 2025 13:05 PM", nil),
        ("03/06/2025", nil),
        ("6/3/2025 12:05", nil),
        ("2025-13-03T00:00:00Z", nil),
        ("2025-02-29", nil),
        // Digit runs longer than any Int: not a date, never an overflow
        ("2026-11-0" + String(repeating: "3", count: 90) + "T09:30:00Z", nil),
        ("2026-" + String(repeating: "9", count: 40) + "-03", nil),
        ("2026/" + String(repeating: "1", count: 25), nil),
        ("2025-06-03T12:05:00." + String(repeating: "0", count: 400) + "Z", noon),
        ("Tue, 3 Jun " + String(repeating: "2", count: 30) + " 12:05:00 GMT", nil),
        ("Tue, 3 Jun 2025 12:05:00 +" + String(repeating: "1", count: 30), nil),
        ("2025-04-31T10:00:00Z", nil),
        ("2025-06-03T25:99Z", nil),
        ("2025-06-03T24:30:00Z", nil),
        ("2025-06-03T12:05:00+25:00", nil),
        ("2025-06-03T12:05:00 nonsense", nil),
        ("2025-06-03T12:", nil),
        ("2025-366", nil),
        ("2025-W54-1", nil),
        ("0000-00-00", nil),
        ("0000-00-00T00:00:00Z", nil),
        ("2025-06-03Tnoon", nil),
        ("3 Jun 2025 2026", nil),
    ]

    @Test("The table holds at least 80 date strings, valid and invalid")
    func tableIsLargeEnough() {
        #expect(Self.table.count >= 80)
        #expect(Self.table.contains { $0.1 == nil })
    }

    @Test("Each date string names its instant, or no date when it is not a real one",
          arguments: FeedDateTableTests.table.map(\.0))
    func dates(_ text: String) throws {
        // Given a date string from the table
        let expected = try #require(Self.table.first { $0.0 == text }).1
        // When it is read, then it gives the table's instant, or nil
        #expect(FeedDate.parse(text)?.timeIntervalSince1970 == expected)
    }
}
