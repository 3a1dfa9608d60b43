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

    /// Pages by `skip`, oldest first. The server breaks ties between equal dates differently from one page to the
    /// next, so a page boundary can drop an item: a listing of ids alone (no content) then finds any missed, which
    /// come by `getArticle`, until a listing finds none.
    public func newItems(since sinceID: Int, page: ([RemoteItem]) async throws -> Void) async throws {
        var seen = Set<Int>()
        var skip = 0
        while true {
            let headlines = try await client.headlinePage(feedID: TTRSSFeedID.all, sinceID: sinceID, skip: skip,
                                                          showContent: true)
            let fresh = headlines.filter { seen.insert($0.id).inserted }
            if !fresh.isEmpty { try await page(fresh.map(Self.item)) }
            skip += headlines.count
            if headlines.count < TTRSSClient.pageLimit { break }
            try Task.checkCancellation()
        }
        guard seen.count >= TTRSSClient.pageLimit else { return }  // one page: nothing to tie across
        for _ in 0..<3 {
            let missed = try await client.headlines(feedID: TTRSSFeedID.all, sinceID: sinceID).map(\.id).filter { !seen.contains($0) }
            guard !missed.isEmpty else { return }
            seen.formUnion(missed)
            try await page(try await client.articles(missed).map(Self.item))
        }
    }

    private static func item(_ headline: TTRSSHeadline) -> RemoteItem {
        RemoteItem(id: headline.id, feedID: headline.feedID, identity: headline.identity, title: headline.title,
                   link: headline.link, html: headline.content ?? "",
                   published: headline.updated.timeIntervalSince1970 > 0 ? headline.updated : nil,
                   isUnread: headline.isUnread, isStarred: headline.isStarred)
    }

    public func unreadIDs() async throws -> Set<Int> {
        try await ids(feedID: TTRSSFeedID.all, viewMode: .unread)
    }

    public func starredIDs() async throws -> Set<Int> {
        try await ids(feedID: TTRSSFeedID.starred, viewMode: .allArticles)
    }

    /// Requests at once while listing a large set (the server's PHP runs a few workers).
    static let parallelPages = 4

    /// The ids of every headline listed: the first page alone (most sets fit in it), then pages a few at once.
    private func ids(feedID: Int, viewMode: TTRSSViewMode) async throws -> Set<Int> {
        let first = try await client.headlinePage(feedID: feedID, viewMode: viewMode)
        var ids = Set(first.map(\.id))
        var skip = first.count
        guard first.count == TTRSSClient.pageLimit else { return ids }
        while true {
            let pages = try await withThrowingTaskGroup(of: [TTRSSHeadline].self) { group in
                for wave in 0..<Self.parallelPages {
                    let offset = skip + wave * TTRSSClient.pageLimit
                    group.addTask { try await client.headlinePage(feedID: feedID, viewMode: viewMode, skip: offset) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for page in pages { ids.formUnion(page.map(\.id)) }
            if pages.contains(where: { $0.count < TTRSSClient.pageLimit }) { return ids }
            skip += Self.parallelPages * TTRSSClient.pageLimit
            try Task.checkCancellation()
        }
    }

    public func items(_ ids: [Int]) async throws -> [RemoteItem] {
        try await client.articles(ids).map(Self.item)
    }

    public func set(_ mark: RemoteMark, to value: Bool, ids: [Int]) async throws {
        switch mark {
        case .read: try await client.setArticles(ids, field: .unread, to: !value)
        case .star: try await client.setArticles(ids, field: .starred, to: value)
        }
    }
}
