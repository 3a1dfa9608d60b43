/// What one import run did, for the summary line and the exit status.
public struct ImportReport: Hashable, Sendable {
    /// Ids of stories stored by this run.
    public var new: [Int64] = []
    /// Ids of stories whose content was already in the cache (left unchanged).
    public var existing: [Int64] = []
    /// Files that could not be imported, each with its reason.
    public var failures: [ImportFailure] = []
    /// Files in walked directories that were not article text by their extension (e.g. `.jpg`).
    public var skipped: [String] = []

    public init() {}

    /// `imported 12 new, 3 already present, 1 failed` (and `, 2 skipped` when some were).
    public var summary: String {
        var line = "imported \(new.count) new, \(existing.count) already present, \(failures.count) failed"
        if !skipped.isEmpty { line += ", \(skipped.count) skipped (not .txt, .text, .md or .markdown)" }
        return line
    }
}
