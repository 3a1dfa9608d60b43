import Foundation

/// A client of the Fever API: read, unread and saved marks; subscriptions read-only. The key is
/// `md5("email:password")`; the password itself is not kept.
///
///     let client = FeverClient(baseURL: URL(string: "https://rss.example.org/")!, email: "ann@example.org", password: pw)
///     let unread = try await client.unreadItemIDs()
public actor FeverClient {
    /// Items the API returns per `items` call.
    public static let pageLimit = 50

    public nonisolated let endpoint: URL
    public nonisolated let email: String
    private let apiKey: String
    private let transport: HTTPTransport

    public init(baseURL: URL, email: String, password: String, limits: HTTPLimits = HTTPLimits()) {
        endpoint = Self.endpoint(forBase: baseURL)
        self.email = email
        apiKey = Self.apiKey(email: email, password: password)
        transport = HTTPTransport(limits: limits)
    }

    public static func apiKey(email: String, password: String) -> String {
        MD5.hex("\(email):\(password)".utf8)
    }

    /// `http://host/` → `http://host/fever/`; an address already naming the endpoint (`…/fever/`,
    /// `…/fever.php`) is kept.
    public static func endpoint(forBase base: URL) -> URL {
        var text = base.absoluteString
        if let query = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = String(text[..<query]) }
        if text.hasSuffix(".php") { return URL(string: text) ?? base }
        while text.hasSuffix("/") { text.removeLast() }
        if !text.hasSuffix("/fever") { text += "/fever" }
        return URL(string: text + "/") ?? base
    }

    /// Checks the key: throws `loginRefused` when the server does not know it.
    public func verify() async throws {
        _ = try await call(.verify)
    }

    public func unreadItemIDs() async throws -> Set<Int> {
        try idList(try await call(.unreadItemIDs), key: "unread_item_ids")
    }

    public func savedItemIDs() async throws -> Set<Int> {
        try idList(try await call(.savedItemIDs), key: "saved_item_ids")
    }

    /// Up to `pageLimit` items with ids above `id`, oldest first.
    public func items(since id: Int) async throws -> [FeverItem] {
        try itemList(try await call(.items(since: id)))
    }

    /// The items of `ids` the server still has.
    public func items(withIDs ids: [Int]) async throws -> [FeverItem] {
        var found: [FeverItem] = []
        for start in stride(from: 0, to: ids.count, by: Self.pageLimit) {
            let chunk = Array(ids[start..<min(start + Self.pageLimit, ids.count)])
            found += try itemList(try await call(.items(withIDs: chunk)))
        }
        return found
    }

    private func itemList(_ answer: [String: Any]) throws -> [FeverItem] {
        guard let items = answer["items"] as? [Any] else {
            throw SyncError.malformed(url: endpoint.absoluteString, what: "items gave no list")
        }
        return try items.map {
            guard let object = $0 as? [String: Any] else {
                throw SyncError.malformed(url: endpoint.absoluteString, what: "items gave a list of non-objects")
            }
            return try FeverItem(json: object, url: endpoint.absoluteString)
        }.sorted { $0.id < $1.id }
    }

    /// Every item with an id above `id`, page after page until an empty one.
    public func allItems(since id: Int) async throws -> [FeverItem] {
        var all: [FeverItem] = []
        var last = id
        while true {
            let page = try await items(since: last)
            guard let newest = page.last?.id, newest > last else { return all }
            all += page
            last = newest
            try Task.checkCancellation()
        }
    }

    public func feedsAndGroups() async throws -> (feeds: [FeverFeed], groups: [FeverGroup]) {
        let answer = try await call(.feedsAndGroups)
        let source = endpoint.absoluteString
        var groupsOfFeed: [Int: [Int]] = [:]
        for link in answer["feeds_groups"] as? [[String: Any]] ?? [] {
            guard let group = JSONFields.int(link["group_id"]) else { continue }
            for feed in Self.ids(JSONFields.string(link["feed_ids"]) ?? "") { groupsOfFeed[feed, default: []].append(group) }
        }
        guard let feedList = answer["feeds"] as? [[String: Any]], let groupList = answer["groups"] as? [[String: Any]] else {
            throw SyncError.malformed(url: source, what: "feeds&groups gave no feeds or groups")
        }
        let feeds = try feedList.map { json in
            try FeverFeed(json: json, groupIDs: groupsOfFeed[JSONFields.int(json["id"]) ?? -1] ?? [], url: source)
        }
        let groups = groupList.compactMap { json in
            JSONFields.int(json["id"]).map { FeverGroup(id: $0, title: JSONFields.string(json["title"]) ?? "") }
        }
        return (feeds, groups)
    }

    /// Sets one item's state (explicitly: read, unread, saved or unsaved).
    public func mark(item id: Int, as mark: FeverItemMark) async throws {
        _ = try await call(.mark(item: id, as: mark))
    }

    // MARK: - Calls

    private func call(_ request: FeverRequest) async throws -> [String: Any] {
        let url = request.url(endpoint: endpoint)
        let source = endpoint.absoluteString
        let reply = try await transport.post(url, body: request.body(apiKey: apiKey), contentType: "application/x-www-form-urlencoded")
        guard (200..<300).contains(reply.status) else { throw SyncError.httpStatus(url: source, status: reply.status) }
        guard !JSONFields.looksLikeHTML(reply) else { throw SyncError.html(url: source) }
        let answer = try JSONFields.object(reply.body, url: source)
        guard let auth = JSONFields.int(answer["auth"]) else {
            throw SyncError.malformed(url: source, what: "no auth field (not a Fever API?)")
        }
        guard auth == 1 else { throw SyncError.loginRefused(user: email, url: source) }
        return answer
    }

    private func idList(_ answer: [String: Any], key: String) throws -> Set<Int> {
        guard let text = JSONFields.string(answer[key]) else {
            throw SyncError.malformed(url: endpoint.absoluteString, what: "no \(key)")
        }
        return Set(Self.ids(text))
    }

    private static func ids(_ text: String) -> [Int] {
        text.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }
}
