import BriefLibrary
import Foundation
import Synchronization

/// The reader's syncs with the account, off the UI thread: one on start, one every `sync_minutes`, and one before
/// each `R` refresh. At most one runs at a time (a sync asked for while one runs waits for it instead); each posts
/// its outcome to the inbox, so no key ever waits for the network.
final class BackgroundSync: Sendable {
    private let makeEngine: @Sendable () throws -> SyncEngine?
    private let running = Mutex<Task<String?, Never>?>(nil)

    init(makeEngine: @escaping @Sendable () throws -> SyncEngine?) {
        self.makeEngine = makeEngine
    }

    /// Runs one sync (or joins the one running) and returns its status line; nil when there is no account.
    func sync() async -> String? {
        let task = running.withLock { running in
            if let current = running { return current }
            let task = Task<String?, Never> { [makeEngine] in
                let engine: SyncEngine?
                do {
                    engine = try makeEngine()
                } catch {
                    return "Sync failed: \(error)"
                }
                guard let engine else { return nil }
                return Reader.syncFinishedMessage(await engine.run())
            }
            running = task
            return task
        }
        let message = await task.value
        running.withLock { if $0 == task { $0 = nil } }
        return message
    }

    /// Syncs now and then every `minutes`, posting each outcome, until the task is cancelled.
    func schedule(every minutes: Int, posting inbox: OperationInbox) -> Task<Void, Never> {
        Task.detached { [self] in
            while !Task.isCancelled {
                if let message = await sync() { inbox.post(.refreshFinished(message)) }
                try? await Task.sleep(for: .seconds(Double(minutes) * 60))
            }
        }
    }
}
