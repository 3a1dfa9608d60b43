import BriefFeeds
import Foundation

/// Collects progress reports from `fetchAll`'s callback.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [FeedProgress] = []

    func add(_ report: FeedProgress) { lock.withLock { reports.append(report) } }

    var completedCounts: [Int] { lock.withLock { reports.map(\.completed) } }
}
