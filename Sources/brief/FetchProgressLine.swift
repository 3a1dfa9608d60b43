import BriefLibrary
import Foundation
import Synchronization

/// The one-line progress display of `brief fetch` on a terminal: `fetching feeds 3/20 (1 failed)`, rewritten in
/// place with `\r` on stderr. Silent when stderr is not a terminal, so piped output stays clean.
final class FetchProgressLine: Sendable {
    private let enabled: Bool
    /// Feeds failed so far. Progress arrives from the refresher's task, one report at a time.
    private let failed = Mutex(0)

    init(enabled: Bool) { self.enabled = enabled }

    /// Shows one finished feed.
    @Sendable func show(_ progress: FeedProgress) {
        guard enabled else { return }
        let failures = failed.withLock { failed in
            if progress.failed { failed += 1 }
            return failed
        }
        var text = "\rfetching feeds \(progress.completed)/\(progress.total)"
        if failures > 0 { text += " (\(failures) failed)" }
        FileHandle.standardError.write(Data((text + "\u{1B}[K").utf8))
    }

    /// Erases the line before the summary is written.
    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
