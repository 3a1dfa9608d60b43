import BriefLibrary


extension Reader {
    /// What `R` says when the refresh is done: the report's summary and its first failure, or, with no
    /// feeds to refresh, how to add one.
    public static func refreshFinishedMessage(_ report: FeedRefreshReport) -> String {
        guard report.feeds > 0 else { return "No feeds yet — add one with: brief feed add URL" }
        let failed = report.failed.first.map { " · \($0)" } ?? ""
        return "Refreshed: " + report.summary + failed
    }
}
