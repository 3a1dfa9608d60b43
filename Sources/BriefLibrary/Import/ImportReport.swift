/// What one import run did, for the summary line and the exit status.
public struct ImportReport: Hashable, Sendable {
    /// Ids of stories stored by this run.
    public var new: [Int64] = []
    /// Ids of stories whose content was already in the cache (left unchanged).
    public var existing: [Int64] = []
    /// Ids of stories a feed delivered again with changed content, stored anew in place (read mark kept).
    public var updated: [Int64] = []
    /// Files that could not be imported, each with its reason.
    public var failures: [ImportFailure] = []
    /// Files in walked directories that were not article text by their extension (e.g. `.jpg`).
    public var skipped: [String] = []
    /// What a reader should know about how feed files were read, one per note and file, each naming the file:
    /// `empty.xml: no items`, `latin.rss: read as windows-1252 (guessed)`,
    /// `cut.xml: recovered 3 items from a malformed feed (…)`.
    public var notes: [String] = []

    public init() {}

    /// `imported 12 new, 3 already present, 1 failed` (with `, 2 updated` after `new` when a feed item changed,
    /// and `, 2 skipped` when some were), then the notes:
    /// `imported 0 new, 0 already present, 0 failed; empty.xml: no items`.
    public var summary: String {
        var line = "imported \(new.count) new, "
        if !updated.isEmpty { line += "\(updated.count) updated, " }
        line += "\(existing.count) already present, \(failures.count) failed"
        if !skipped.isEmpty { line += ", \(skipped.count) skipped (not .txt, .text, .md or .markdown)" }
        return ([line] + notes).joined(separator: "; ")
    }

    /// Adds another run's stories, failures, skipped files and notes to this one.
    public mutating func append(_ other: ImportReport) {
        new += other.new
        existing += other.existing
        updated += other.updated
        failures += other.failures
        skipped += other.skipped
        notes += other.notes
    }
}
