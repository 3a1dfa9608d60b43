import BriefSync
import Foundation
import Synchronization

/// A `SyncService` that times each call it passes on, so a sync's figures can say how much was the server's time
/// (the request, the server's work and the answer's decoding) and how much Brief's.
final class TimedSyncService: SyncService {
    let inner: any SyncService
    private let seconds = Mutex<[String: Double]>([:])

    init(_ inner: any SyncService) {
        self.inner = inner
    }

    var canSubscribe: Bool { inner.canSubscribe }
    var endpoint: String { inner.endpoint }

    /// Seconds spent waiting for the server, in all and for one kind of call.
    func total(_ call: String? = nil) -> Double {
        seconds.withLock { all in call.map { all[$0] ?? 0 } ?? all.values.reduce(0, +) }
    }

    func reset() {
        seconds.withLock { $0.removeAll() }
    }

    private func timed<T>(_ call: String, _ work: () async throws -> T) async rethrows -> T {
        let start = Date()
        defer {
            let elapsed = Date().timeIntervalSince(start)
            seconds.withLock { $0[call, default: 0] += elapsed }
        }
        return try await work()
    }

    func verify() async throws { try await timed("verify") { try await inner.verify() } }
    func feeds() async throws -> [RemoteFeed] { try await timed("feeds") { try await inner.feeds() } }
    func subscribe(url: String, folder: String?) async throws -> Int {
        try await timed("subscribe") { try await inner.subscribe(url: url, folder: folder) }
    }
    func unsubscribe(feedID: Int) async throws { try await timed("unsubscribe") { try await inner.unsubscribe(feedID: feedID) } }
    func unreadIDs() async throws -> Set<Int> { try await timed("unread") { try await inner.unreadIDs() } }
    func starredIDs() async throws -> Set<Int> { try await timed("starred") { try await inner.starredIDs() } }
    func items(_ ids: [Int]) async throws -> [RemoteItem] { try await timed("items by id") { try await inner.items(ids) } }
    func set(_ mark: RemoteMark, to value: Bool, ids: [Int]) async throws {
        try await timed("set") { try await inner.set(mark, to: value, ids: ids) }
    }

    /// Times the server's pages, not what the engine does with each.
    func newItems(since sinceID: Int, page: ([RemoteItem]) async throws -> Void) async throws -> [Int: RemoteState] {
        var fetching = Date()
        let states = try await inner.newItems(since: sinceID) { items in
            let waited = Date().timeIntervalSince(fetching)
            seconds.withLock { $0["items", default: 0] += waited }
            try await page(items)
            fetching = Date()
        }
        let waited = Date().timeIntervalSince(fetching)
        seconds.withLock { $0["items", default: 0] += waited }
        return states
    }

    var recentReadWindow: Double? { inner.recentReadWindow }
    func recentlyReadIDs() async throws -> Set<Int> { try await timed("recently read") { try await inner.recentlyReadIDs() } }
    func unreadCounts() async throws -> [Int: Int] { try await timed("unread count") { try await inner.unreadCounts() } }
}
