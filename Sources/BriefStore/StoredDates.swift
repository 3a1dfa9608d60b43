import Foundation
import GRDB

/// Dates read from the cache, decoded once per distinct stored text (as GRDB decodes them, so a date read
/// here equals the same column read any other way).
struct StoredDates {
    private var decoded: [String: Date] = [:]

    /// The date stored as `text`, or nil for no text or text that is not a date.
    mutating func date(_ text: String?) -> Date? {
        guard let text else { return nil }
        if let known = decoded[text] { return known }
        var copy = text
        guard let date = copy.withUTF8(StoredDateText.date) ?? Date.fromDatabaseValue(text.databaseValue) else { return nil }
        // Import and read times repeat; a list's published dates rarely do, so only a small table is kept.
        if decoded.count < 4096 { decoded[text] = date }
        return date
    }
}
