@testable import BriefStore
import Foundation
import GRDB
import Testing

@Suite("Stored date text read without the calendar equals GRDB's reading, bit for bit")
struct StoredDateTextTests {
    /// The date `text` spells, read by `StoredDateText`.
    private func fast(_ text: String) -> Date? {
        Array(text.utf8).withUnsafeBufferPointer { StoredDateText.date($0) }
    }

    @Test("Every millisecond form GRDB writes, over two centuries, reads as the same Date")
    func matchesGRDB() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100_000 {
            let milliseconds = Int64.random(in: -2_208_988_800_000...4_102_444_800_000, using: &generator)
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let text = try #require(String.fromDatabaseValue(date.databaseValue))
            let expected = Date.fromDatabaseValue(text.databaseValue)
            #expect(fast(text) == expected, "\(text)")
            #expect(fast(text)?.timeIntervalSinceReferenceDate.bitPattern == expected?.timeIntervalSinceReferenceDate.bitPattern)
        }
    }

    @Test("Dates are written as GRDB writes them, to the millisecond the formatter shows, over eight millennia")
    func writesAsGRDB() throws {
        var generator = SystemRandomNumberGenerator()
        func check(_ date: Date) {
            #expect(StoredDateText.text(date) == String.fromDatabaseValue(date.databaseValue),
                    "\(date.timeIntervalSinceReferenceDate)")
        }
        for _ in 0..<100_000 {
            // Whole milliseconds (as most dates are made) and any Double, through the whole fast range and past it.
            let milliseconds = Int64.random(in: -2_208_988_800_000...253_402_300_799_999, using: &generator)
            check(Date(timeIntervalSince1970: Double(milliseconds) / 1000))
            check(Date(timeIntervalSinceReferenceDate: Double.random(in: -1e9...9e9, using: &generator)))
        }
        // Day and millisecond edges: the epoch, just before it (left to GRDB), a leap day, halves of a millisecond
        // (rounded up, into the next day too), the last fast millisecond.
        for seconds in [0, -0.0005, -1, 951_782_400, 951_868_799.9995, 951_868_799.9994, 1_709_164_800.999,
                        1_700_000_001.2345, 253_402_300_799.999, 253_402_300_799.9996, 253_402_300_800] {
            check(Date(timeIntervalSince1970: seconds))
        }
        check(Date())
    }

    @Test("The list reads every stored date form as a single story's read does, odd ones included")
    func listMatchesSingleRead() throws {
        let store = try Store.inMemory()
        let ids = try store.importStories((0..<5).map {
            StoryFixtures.item(StoryFixtures.plainStory(title: "Quay \($0)", text: "Quay story \($0)."),
                               published: StoryFixtures.date("2026-11-2\($0)T09:00:00Z"))
        }).map(\.id)
        // Dates written by hand in other forms: with a T and a zone, as a Julian-free number, as a bare day
        try store.writer.write { db in
            try db.execute(sql: "UPDATE stories SET published = '2026-11-20T09:30:00.250Z' WHERE id = ?", arguments: [ids[0]])
            try db.execute(sql: "UPDATE stories SET published = 1790000000.5 WHERE id = ?", arguments: [ids[1]])
            try db.execute(sql: "UPDATE stories SET published = '2026-11-22' WHERE id = ?", arguments: [ids[2]])
            try db.execute(sql: "UPDATE stories SET read_at = '2026-11-29 10:00:00.125' WHERE id = ?", arguments: [ids[3]])
        }
        let listed = Dictionary(uniqueKeysWithValues: try store.summaries().map { ($0.id, $0) })
        for id in ids {
            let single = try #require(try store.story(id: id)?.summary)
            #expect(listed[id] == single, "\(id)")
        }
        #expect(listed[ids[1]]?.published == Date(timeIntervalSince1970: 1_790_000_000.5))
        #expect(listed[ids[0]]?.published != nil && listed[ids[3]]?.isRead == true)
    }

    @Test("Shorter stored forms read as GRDB reads them; other text is left to GRDB")
    func otherForms() {
        for text in ["2026-11-28", "2026-11-28 09:30", "2026-11-28 09:30:15", "2024-02-29 23:59:59.999", "1999-12-31 00:00:00.001"] {
            #expect(fast(text) == Date.fromDatabaseValue(text.databaseValue), "\(text)")
            #expect(fast(text) != nil)
        }
        for text in ["2026-11-28T09:30:15", "2026-13-01", "2025-02-29", "2026-11-28 24:00", "20261128", "", "2026-11-28 09:30:15.5",
                     "2026-11-28 09:30:15.123456", "abcd-ef-gh", "2026-11-28 09:60:00"] {
            #expect(fast(text) == nil, "\(text)")
        }
    }
}
