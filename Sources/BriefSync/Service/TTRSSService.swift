import Foundation

/// Tiny Tiny RSS behind the sync engine's `SyncService`: global streams (feed -4: all, -1: starred), never a call
/// per feed; categories are the folders.
public struct TTRSSService: SyncService {
    public let client: TTRSSClient
    public var canSubscribe: Bool { true }
    public var endpoint: String { client.apiURL.absoluteString }

    public init(client: TTRSSClient) {
        self.client = client
    }

    public func verify() async throws {
        try await client.login()
    }

    public func feeds() async throws -> [RemoteFeed] {
        let categories = Dictionary(try await client.categories().map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        return try await client.feeds().map { feed in
            RemoteFeed(id: feed.id, url: feed.url, title: feed.title,
                       folder: feed.categoryID > 0 ? categories[feed.categoryID] : nil)
        }
    }

    /// The folder becomes the category of that title when the server has one (level 15 cannot create one).
    public func subscribe(url: String, folder: String?) async throws -> Int {
        var category = 0
        if let folder, let match = try await client.categories().first(where: { $0.id > 0 && $0.title == folder }) {
            category = match.id
        }
        return try await client.subscribe(to: url, categoryID: category)
    }

    public func unsubscribe(feedID: Int) async throws {
        try await client.unsubscribe(feedID: feedID)
    }

    public func newItems(since sinceID: Int, page: ([RemoteItem]) async throws -> Void) async throws {
        var skip = 0
        while true {
            let headlines = try await client.headlinePage(feedID: TTRSSFeedID.all, sinceID: sinceID, skip: skip,
                                                          showContent: true)
            try await page(headlines.map { headline in
                RemoteItem(id: headline.id, feedID: headline.feedID, identity: headline.identity, title: headline.title,
                           link: headline.link, html: headline.content ?? "",
                           published: headline.updated.timeIntervalSince1970 > 0 ? headline.updated : nil,
                           isUnread: headline.isUnread, isStarred: headline.isStarred)
            })
            skip += headlines.count
            if headlines.count < TTRSSClient.pageLimit { return }
            try Task.checkCancellation()
        }
    }

    public func unreadIDs() async throws -> Set<Int> {
        Set(try await client.headlines(feedID: TTRSSFeedID.all, viewMode: .unread).map(\.id))
    }

    public func starredIDs() async throws -> Set<Int> {
        Set(try await client.headlines(feedID: TTRSSFeedID.starred).map(\.id))
    }

    public func existingIDs(_ ids: [Int]) async throws -> Set<Int> {
        try await client.existingArticleIDs(ids)
    }

    public func set(_ mark: RemoteMark, to value: Bool, ids: [Int]) async throws {
        switch mark {
        case .read: try await client.setArticles(ids, field: .unread, to: !value)
        case .star: try await client.setArticles(ids, field: .starred, to: value)
        }
    }
}
