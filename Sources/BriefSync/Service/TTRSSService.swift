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

    /// Pages by `skip`, oldest first, a few pages in flight while the engine stores the one before. Consecutive pages
    /// overlap by `seam` items. On PostgreSQL tt-rss orders equal dates by id, so paging is stable while the items
    /// stand still; an item purged, re-dated or inserted before the current page during paging shifts the pages
    /// and could drop one at a boundary (and MySQL breaks ties differently from one query to the next). So every
    /// boundary is checked: the next page must begin with exactly the previous page's last `seam` items (any shift
    /// before the boundary breaks that), and the server's unread count must be the same after the pages as before
    /// (a new item arrives unread; purges, reads and unreads change it too). When both hold, no item was dropped
    /// and no listing is needed. Otherwise a listing of ids alone (no content) finds any missed, which come by
    /// `getArticle`, until a listing finds none; it also gives every new item's state, newer than its page's.
    public func newItems(since sinceID: Int, page: ([RemoteItem]) async throws -> Void) async throws -> [Int: RemoteState] {
        var seen = Set<Int>()
        var states: [Int: RemoteState] = [:]
        var pages = 0
        var seamsHeld = true
        let unreadBefore = try await client.unreadCount()
        try await pagesInOrder(feedID: TTRSSFeedID.all, viewMode: .allArticles, sinceID: sinceID, showContent: true,
                               overlap: Self.seam) { headlines, held in
            pages += 1
            seamsHeld = seamsHeld && held
            let fresh = headlines.filter { seen.insert($0.id).inserted }
            for headline in fresh { states[headline.id] = Self.state(headline) }
            if !fresh.isEmpty { try await page(fresh.map(Self.item)) }
        }
        guard pages > 1 else { return states }  // one query: no boundary to miss an item at
        if seamsHeld, try await client.unreadCount() == unreadBefore { return states }
        for _ in 0..<3 {
            let listed = try await listing(feedID: TTRSSFeedID.all, viewMode: .allArticles, sinceID: sinceID)
            for headline in listed { states[headline.id] = Self.state(headline) }
            let missed = listed.map(\.id).filter { !seen.contains($0) }
            guard !missed.isEmpty else { break }
            seen.formUnion(missed)
            try await page(try await client.articles(missed).map(Self.item))
        }
        return states
    }

    /// Items each page of new items shares with the one before (about 5% more rows from the server).
    static let seam = 10

    private static func state(_ headline: TTRSSHeadline) -> RemoteState {
        RemoteState(isUnread: headline.isUnread, isStarred: headline.isStarred)
    }

    private static func item(_ headline: TTRSSHeadline) -> RemoteItem {
        RemoteItem(id: headline.id, feedID: headline.feedID, identity: headline.identity, title: headline.title,
                   link: headline.link, html: headline.content ?? "",
                   published: headline.updated.timeIntervalSince1970 > 0 ? headline.updated : nil,
                   isUnread: headline.isUnread, isStarred: headline.isStarred)
    }

    public func unreadIDs() async throws -> Set<Int> {
        Set(try await listing(feedID: TTRSSFeedID.all, viewMode: .unread).map(\.id))
    }

    public func starredIDs() async throws -> Set<Int> {
        Set(try await listing(feedID: TTRSSFeedID.starred, viewMode: .allArticles).map(\.id))
    }

    /// The "recently read" virtual feed: every article whose read mark was set in the last day, whoever set it
    /// (`last_read`, which each way of reading on the server sets).
    public var recentReadWindow: Double? { 86_400 }

    public func recentlyReadIDs() async throws -> Set<Int> {
        Set(try await listing(feedID: TTRSSFeedID.recentlyRead, viewMode: .allArticles).map(\.id))
    }

    /// Each feed's count from `getFeeds` (counted live, one query a feed), and under 0 what the user's whole count
    /// (`getUnread`) has beyond them: archived items, whose feed is gone.
    public func unreadCounts() async throws -> [Int: Int] {
        let total = try await client.unreadCount()
        let feeds = try await client.feeds()
        var counts = Dictionary(feeds.map { ($0.id, $0.unread) }, uniquingKeysWith: +)
        counts[0, default: 0] += total - feeds.reduce(0) { $0 + $1.unread }
        return counts
    }

    /// Requests in flight at once while paging (the server's PHP runs a few workers).
    static let parallelPages = 4

    /// Every headline listed, without content: pages a few at once, each article once.
    private func listing(feedID: Int, viewMode: TTRSSViewMode, sinceID: Int = 0) async throws -> [TTRSSHeadline] {
        var seen = Set<Int>()
        var all: [TTRSSHeadline] = []
        try await pagesInOrder(feedID: feedID, viewMode: viewMode, sinceID: sinceID, showContent: false) { headlines, _ in
            for headline in headlines where seen.insert(headline.id).inserted { all.append(headline) }
        }
        return all
    }

    /// Pages of headlines, `parallelPages` requests in flight, handed to `body` in order until a short page; the
    /// next pages are fetched while `body` works on one. With `overlap`, each page after the first starts that many
    /// items before the previous one ended, and `body` learns whether it began with exactly those items (same ids
    /// and dates, in order): if so, nothing was dropped between the two.
    private func pagesInOrder(feedID: Int, viewMode: TTRSSViewMode, sinceID: Int, showContent: Bool, overlap: Int = 0,
                              _ body: ([TTRSSHeadline], _ seamHeld: Bool) async throws -> Void) async throws {
        let client = self.client
        let size = TTRSSClient.pageLimit
        let stride = size - overlap
        try await withThrowingTaskGroup(of: (Int, [TTRSSHeadline]).self) { group in
            var launched = 0
            func launch() {
                let index = launched
                launched += 1
                group.addTask {
                    (index, try await client.headlinePage(feedID: feedID, viewMode: viewMode, sinceID: sinceID,
                                                          skip: index * stride, showContent: showContent))
                }
            }
            // The first page alone: most listings fit in it.
            launch()
            var arrived: [Int: [TTRSSHeadline]] = [:]
            var next = 0
            var ended = false
            var tail: [SeamKey] = []
            while !ended, let (index, headlines) = try await group.next() {
                arrived[index] = headlines
                while !ended, let ready = arrived.removeValue(forKey: next) {
                    next += 1
                    ended = ready.count < size
                    if !ended {
                        while launched < next + Self.parallelPages { launch() }
                    }
                    let head = ready.prefix(overlap).map(SeamKey.init)
                    let held = next == 1 || Array(tail.prefix(head.count)) == head
                    tail = ready.suffix(overlap).map(SeamKey.init)
                    try await body(ready, held)
                    try Task.checkCancellation()
                }
            }
            // Pages asked for past the end are empty: not waited for.
            group.cancelAll()
        }
    }

    /// What a seam compares: an item and its date (a re-dated item may have moved).
    private struct SeamKey: Equatable {
        var id: Int
        var updated: Date
        init(_ headline: TTRSSHeadline) {
            id = headline.id
            updated = headline.updated
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
