import BriefLibrary
import Synchronization

/// Collects the progress reports of `FeedRefresher.refreshAll`'s callback, which may come from any thread.
final class ProgressLog: Sendable {
    private let reports = Mutex<[FeedProgress]>([])

    func add(_ report: FeedProgress) { reports.withLock { $0.append(report) } }

    var completedCounts: [Int] { reports.withLock { $0.map(\.completed) } }
}
