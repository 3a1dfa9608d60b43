import Foundation

/// Where background work (the feed refresh) leaves its results for the app loop, which applies them on
/// the UI thread: nothing off that thread touches the state or curses.
final class OperationInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [ReaderOperation] = []

    func post(_ operation: ReaderOperation) {
        lock.lock()
        pending.append(operation)
        lock.unlock()
    }

    /// Everything posted since the last call, oldest first.
    func drain() -> [ReaderOperation] {
        lock.lock()
        defer { lock.unlock() }
        let taken = pending
        pending = []
        return taken
    }
}
