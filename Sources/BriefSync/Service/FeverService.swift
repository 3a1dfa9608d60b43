import Foundation

/// A Fever server behind the sync engine's `SyncService`: marks one item per call (the API has no list form);
/// subscriptions are read-only (the API has no call to change them).
public struct FeverService: SyncService {
    public let client: FeverClient
    public var canSubscribe: Bool { false }
    public var endpoint: String { client.endpoint.absoluteString }

    public init(client: FeverClient) {
        self.client = client
    }

    public func verify() async throws {
        try await client.verify()
    }

    public func feeds() async throws -> [RemoteFeed] {
        let (feeds, groups) = try await client.feedsAndGroups()
        let titles = Dictionary(groups.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        return feeds.map { feed in
            RemoteFeed(id: feed.id, url: feed.url, title: feed.title, folder: feed.groupIDs.lazy.compactMap { titles[$0] }.first)
        }
    }

    public func subscribe(url: String, folder: String?) async throws -> Int {
        throw SyncError.server(url: endpoint, operation: "subscribe \(url)",
                               error: "the Fever API has no call to subscribe (subscribe on the server itself)")
    }

    public func unsubscribe(feedID: Int) async throws {
        throw SyncError.server(url: endpoint, operation: "unsubscribe feed \(feedID)",
                               error: "the Fever API has no call to unsubscribe (unsubscribe on the server itself)")
    }

    /// Pages by `since_id`. Servers need not order a page by id (coldsweat does not), so a page's highest id can
    /// pass over lower ones it left out: after more than one page, the unread and saved sets name any such item,
    /// which comes by id.
    public func newItems(since sinceID: Int, page: ([RemoteItem]) async throws -> Void) async throws -> [Int: RemoteState] {
        var last = sinceID
        var seen = Set<Int>()
        var states: [Int: RemoteState] = [:]
        func deliver(_ items: [FeverItem]) async throws {
            for item in items { states[item.id] = RemoteState(isUnread: !item.isRead, isStarred: item.isSaved) }
            try await page(items.map(Self.item))
        }
        while true {
            let items = try await client.items(since: last)
            guard let newest = items.last?.id, newest > last else { break }
            seen.formUnion(items.map(\.id))
            try await deliver(items)
            last = newest
            try Task.checkCancellation()
        }
        guard seen.count > FeverClient.pageLimit else { return states }
        let named = try await client.unreadItemIDs().union(try await client.savedItemIDs())
        let missed = named.filter { $0 > sinceID && !seen.contains($0) }.sorted()
        if !missed.isEmpty { try await deliver(try await client.items(withIDs: missed)) }
        return states
    }

    private static func item(_ item: FeverItem) -> RemoteItem {
        RemoteItem(id: item.id, feedID: item.feedID, identity: nil, title: item.title, link: item.url, html: item.html,
                   published: item.created.timeIntervalSince1970 > 0 ? item.created : nil,
                   isUnread: !item.isRead, isStarred: item.isSaved)
    }

    public func unreadIDs() async throws -> Set<Int> {
        try await client.unreadItemIDs()
    }

    public func starredIDs() async throws -> Set<Int> {
        try await client.savedItemIDs()
    }

    /// Fever cannot say what was read lately; its unread set is one call anyway.
    public var recentReadWindow: Double? { nil }

    public func recentlyReadIDs() async throws -> Set<Int> { [] }

    /// Not by feed: Fever's unread set names items only (the engine never asks, `recentReadWindow` being nil).
    public func unreadCounts() async throws -> [Int: Int] {
        [0: try await client.unreadItemIDs().count]
    }

    public func items(_ ids: [Int]) async throws -> [RemoteItem] {
        try await client.items(withIDs: ids).map(Self.item)
    }

    public func set(_ mark: RemoteMark, to value: Bool, ids: [Int]) async throws {
        let state: FeverItemMark = switch mark {
        case .read: value ? .read : .unread
        case .star: value ? .saved : .unsaved
        }
        for id in ids { try await client.mark(item: id, as: state) }
    }
}
