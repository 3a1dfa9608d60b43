import BriefLibrary


extension Reader {
    /// What `R` says when the refresh is done: the report's summary and its first failure, or, with no
    /// feeds to refresh, how to add one (and what `keep_days` pruned).
    public static func refreshFinishedMessage(_ report: FeedRefreshReport) -> String {
        guard report.feeds > 0 else {
            let pruned = report.pruned > 0 && report.keepDays != nil
                ? " · \(report.pruned) old stor\(report.pruned == 1 ? "y" : "ies") pruned (keep_days = \(report.keepDays ?? 0))" : ""
            return "No feeds yet — add one with: brief feed add URL" + pruned
        }
        let failed = report.failed.first.map { " · \($0)" } ?? ""
        return "Refreshed: " + report.summary + failed
    }

    /// What the status line says after a sync with the account: "offline: N marks waiting" when the server could
    /// not be reached (the reader goes on from the cache), else the summary or the first failure.
    public static func syncFinishedMessage(_ report: SyncReport) -> String {
        if report.offline { return "offline: \(report.waiting) marks waiting" }
        if let failure = report.failures.first { return "Sync failed: \(failure) · \(report.waiting) marks waiting" }
        return "Synced: " + report.summary.dropFirst("synced: ".count)
    }
}
