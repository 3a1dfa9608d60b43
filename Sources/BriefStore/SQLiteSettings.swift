import CSQLiteConfig

/// SQLite's process-wide settings, applied once at the start of a front end, before any cache is opened.
///
/// Memory statistics off: the Debian build keeps them on, so every allocation and free inside SQLite takes one
/// process-wide mutex to count them, which Brief never reads. A 600-story import made about 245,000 of each, some
/// 34 M instructions of locking (callgrind), with the writer and the readers of a fetch taking the same mutex.
public enum SQLiteSettings {
    /// Applies the settings; true when they took effect. SQLite takes them only before it initialises (the first
    /// connection of the process): called later, it refuses them and nothing changes.
    @discardableResult
    public static func apply() -> Bool {
        brief_sqlite3_memory_statistics_off() == SQLITE_OK
    }
}
