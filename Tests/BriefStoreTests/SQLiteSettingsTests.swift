import BriefStore
import Foundation
import GRDBSQLite
import Testing

/// `SQLiteSettings` is applied at the start of `brief`, before any cache opens. Applied later, as here (the test
/// opens a cache first), SQLite must refuse it and go on as it was.
@Suite("SQLite's process-wide settings")
struct SQLiteSettingsTests {
    private func memoryUsed() -> Int64 {
        var current: Int64 = 0, highest: Int64 = 0
        sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &current, &highest, 0)
        return current
    }

    @Test("Applied once SQLite is running, they are refused: its statistics stay on and the open cache works")
    func lateApply() throws {
        let store = try Store(path: ":memory:")
        #expect(memoryUsed() > 0, "SQLite counts its memory, as it does by default")
        #expect(SQLiteSettings.apply() == false)
        #expect(try store.count() == 0)
        #expect(memoryUsed() > 0)
    }
}
