import Foundation

/// A client of the Tiny Tiny RSS JSON API, using only API level 15 calls (checked with `getApiLevel` at login).
/// It logs in on first use and again when the server forgets the session (`NOT_LOGGED_IN`). Read, unread and
/// star are set explicitly, never toggled.
///
///     let client = TTRSSClient(baseURL: URL(string: "https://rss.example.org/tt-rss/")!, user: "ann", password: pw)
///     let unread = try await client.headlines(viewMode: .unread)
public actor TTRSSClient {
    public static let requiredAPILevel = 15
    /// The most headlines the server returns per call; it caps larger limits silently.
    public static let pageLimit = 200
    /// Article ids per `updateArticle` call, to keep each request small.
    static let idsPerUpdate = 1000

    /// The API endpoint: `api/` under the base address a browser opens.
    public nonisolated let apiURL: URL
    public nonisolated let user: String
    private let password: String
    private let transport: HTTPTransport
    /// The session key from the last login; nil before the first call.
    private(set) var sessionID: String?

    public init(baseURL: URL, user: String, password: String, limits: HTTPLimits = HTTPLimits()) {
        apiURL = Self.apiURL(forBase: baseURL)
        self.user = user
        self.password = password
        transport = HTTPTransport(limits: limits)
    }

    /// `http://host/tt-rss` → `http://host/tt-rss/api/`; an address that already ends in `api` is kept.
    public static func apiURL(forBase base: URL) -> URL {
        var text = base.absoluteString
        if let query = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = String(text[..<query]) }
        while text.hasSuffix("/") { text.removeLast() }
        if !text.hasSuffix("/api") { text += "/api" }
        return URL(string: text + "/") ?? base
    }

    /// Logs in and checks the server's API level.
    public func login() async throws {
        let content = try await send(.login(user: user, password: password), sessionID: nil)
        guard let object = content as? [String: Any], let sid = JSONFields.string(object["session_id"]), !sid.isEmpty else {
            throw SyncError.malformed(url: apiURL.absoluteString, what: "login gave no session_id")
        }
        sessionID = sid
        let level = try await apiLevel()
        guard level >= Self.requiredAPILevel else {
            sessionID = nil
            throw SyncError.apiLevelTooOld(url: apiURL.absoluteString, found: level, needed: Self.requiredAPILevel)
        }
    }

    /// Ends the session on the server.
    public func logout() async throws {
        guard let sid = sessionID else { return }
        sessionID = nil
        _ = try await send(.logout, sessionID: sid)
    }

    public func apiLevel() async throws -> Int {
        let content = try await call(.getApiLevel)
        guard let level = JSONFields.int((content as? [String: Any])?["level"]) else {
            throw SyncError.malformed(url: apiURL.absoluteString, what: "getApiLevel gave no level")
        }
        return level
    }

    /// The user's count of unread articles.
    public func unreadCount() async throws -> Int {
        guard let count = JSONFields.int((try await call(.getUnread) as? [String: Any])?["unread"]) else {
            throw SyncError.malformed(url: apiURL.absoluteString, what: "getUnread gave no count")
        }
        return count
    }

    public func feeds() async throws -> [TTRSSFeed] {
        try list(try await call(.getFeeds), of: "getFeeds").map { try TTRSSFeed(json: $0, url: apiURL.absoluteString) }
    }

    public func categories() async throws -> [TTRSSCategory] {
        try list(try await call(.getCategories), of: "getCategories").map { try TTRSSCategory(json: $0, url: apiURL.absoluteString) }
    }

    /// Subscribes to a feed (into category 0, "Uncategorized", by default) and returns its feed id; a feed the
    /// user already has gives its id too.
    @discardableResult
    public func subscribe(to feedURL: String, categoryID: Int = 0) async throws -> Int {
        let content = try await call(.subscribeToFeed(url: feedURL, categoryID: categoryID))
        let status = (content as? [String: Any])?["status"] as? [String: Any]
        guard let code = JSONFields.int(status?["code"]) else {
            throw SyncError.malformed(url: apiURL.absoluteString, what: "subscribeToFeed gave no status code")
        }
        let reasons = [
            2: "invalid URL", 3: "the address is a web page with no feed", 4: "the address is a web page with several feeds",
            5: "the server could not download it", 6: "it is not valid XML",
        ]
        guard code == 0 || code == 1 else {
            throw SyncError.server(url: apiURL.absoluteString, operation: "subscribeToFeed \(feedURL)",
                                   error: reasons[code] ?? "status code \(code)")
        }
        if let id = JSONFields.int(status?["feed_id"]) { return id }
        // Some versions leave the id out for a feed already there: look it up.
        guard let feed = try await feeds().first(where: { $0.url == feedURL }) else {
            throw SyncError.malformed(url: apiURL.absoluteString, what: "subscribeToFeed gave no feed_id for \(feedURL)")
        }
        return feed.id
    }

    public func unsubscribe(feedID: Int) async throws {
        _ = try await call(.unsubscribeFeed(feedID: feedID))
    }

    /// One page of headlines, as the server gives it (at most `pageLimit`).
    public func headlinePage(
        feedID: Int = TTRSSFeedID.all, viewMode: TTRSSViewMode = .allArticles, sinceID: Int = 0, skip: Int = 0,
        limit: Int = TTRSSClient.pageLimit, showContent: Bool = false
    ) async throws -> [TTRSSHeadline] {
        let request = TTRSSRequest.getHeadlines(feedID: feedID, viewMode: viewMode, sinceID: sinceID, skip: skip,
                                                limit: min(limit, Self.pageLimit), showContent: showContent)
        return try list(try await call(request), of: "getHeadlines").map { try TTRSSHeadline(json: $0, url: apiURL.absoluteString) }
    }

    /// Every headline matching, page after page until a short page; each article once even if pages overlap.
    public func headlines(
        feedID: Int = TTRSSFeedID.all, viewMode: TTRSSViewMode = .allArticles, sinceID: Int = 0, showContent: Bool = false
    ) async throws -> [TTRSSHeadline] {
        var all: [TTRSSHeadline] = []
        var seen = Set<Int>()
        var skip = 0
        while true {
            let page = try await headlinePage(feedID: feedID, viewMode: viewMode, sinceID: sinceID, skip: skip,
                                              showContent: showContent)
            for headline in page where seen.insert(headline.id).inserted { all.append(headline) }
            skip += page.count
            if page.count < Self.pageLimit { return all }
            try Task.checkCancellation()
        }
    }

    /// Sets `field` of every article in `ids` to `value` (explicitly, never a toggle); returns the server's count of
    /// articles updated (every id of the user it found, whether or not its state changed).
    @discardableResult
    public func setArticles(_ ids: [Int], field: TTRSSArticleField, to value: Bool) async throws -> Int {
        var changed = 0
        for start in stride(from: 0, to: ids.count, by: Self.idsPerUpdate) {
            let chunk = Array(ids[start..<min(start + Self.idsPerUpdate, ids.count)])
            let content = try await call(.updateArticle(ids: chunk, field: field, value: value))
            changed += JSONFields.int((content as? [String: Any])?["updated"]) ?? 0
        }
        return changed
    }

    /// The articles with these ids that the server still has (it purges old articles: one missing from the unread
    /// set may be gone, not read), with their content.
    public func articles(_ ids: [Int]) async throws -> [TTRSSHeadline] {
        var found: [TTRSSHeadline] = []
        for start in stride(from: 0, to: ids.count, by: Self.pageLimit) {
            let chunk = Array(ids[start..<min(start + Self.pageLimit, ids.count)])
            found += try list(try await call(.getArticle(ids: chunk)), of: "getArticle")
                .map { try TTRSSHeadline(json: $0, url: apiURL.absoluteString) }
        }
        return found
    }

    // MARK: - Calls

    /// Sends a call in the current session, logging in first when there is none and once more when the server
    /// has forgotten it.
    func call(_ request: TTRSSRequest) async throws -> Any {
        if sessionID == nil { try await login() }
        do {
            return try await send(request, sessionID: sessionID)
        } catch SessionExpired.notLoggedIn {
            sessionID = nil
            try await login()
            do {
                return try await send(request, sessionID: sessionID)
            } catch SessionExpired.notLoggedIn {
                throw SyncError.server(url: apiURL.absoluteString, operation: request.operation,
                                       error: "NOT_LOGGED_IN right after a fresh login")
            }
        }
    }

    private enum SessionExpired: Error { case notLoggedIn }

    /// One POST; returns the answer's `content`, or throws the server's error as a `SyncError`.
    private func send(_ request: TTRSSRequest, sessionID: String?) async throws -> Any {
        let url = apiURL.absoluteString
        let reply = try await transport.post(apiURL, body: request.body(sessionID: sessionID), contentType: "application/json")
        guard (200..<300).contains(reply.status) else { throw SyncError.httpStatus(url: url, status: reply.status) }
        guard !JSONFields.looksLikeHTML(reply) else { throw SyncError.html(url: url) }
        let envelope = try JSONFields.object(reply.body, url: url)
        guard let status = JSONFields.int(envelope["status"]), envelope.keys.contains("content") else {
            throw SyncError.malformed(url: url, what: "no status or content")
        }
        let content = envelope["content"] as Any
        guard status == 0 else {
            let error = JSONFields.string((content as? [String: Any])?["error"]) ?? "status \(status)"
            switch error {
            case "NOT_LOGGED_IN" where request.operation != "login": throw SessionExpired.notLoggedIn
            case "LOGIN_ERROR": throw SyncError.loginRefused(user: user, url: url)
            case "API_DISABLED": throw SyncError.apiDisabled(user: user, url: url)
            default: throw SyncError.server(url: url, operation: request.operation, error: error)
            }
        }
        return content
    }

    private func list(_ content: Any, of operation: String) throws -> [[String: Any]] {
        guard let items = content as? [Any] else {
            throw SyncError.malformed(url: apiURL.absoluteString, what: "\(operation) gave no list")
        }
        return try items.map {
            guard let object = $0 as? [String: Any] else {
                throw SyncError.malformed(url: apiURL.absoluteString, what: "\(operation) gave a list of non-objects")
            }
            return object
        }
    }
}
