import Synchronization

/// Where background work (the feed refresh) leaves its results for the app loop, which applies them on
/// the UI thread: nothing off that thread touches the state or curses.
final class OperationInbox: Sendable {
    private let pending = Mutex<[ReaderOperation]>([])

    func post(_ operation: ReaderOperation) {
        pending.withLock { $0.append(operation) }
    }

    /// Everything posted since the last call, oldest first.
    func drain() -> [ReaderOperation] {
        pending.withLock { pending in
            defer { pending = [] }
            return pending
        }
    }
}
