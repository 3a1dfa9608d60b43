import Foundation

/// A feed the user subscribes to on the server (`getFeeds`).
public struct TTRSSFeed: Sendable, Equatable {
    public var id: Int
    public var title: String
    public var url: String
    /// 0 for "Uncategorized".
    public var categoryID: Int
    public var unread: Int

    init(json: [String: Any], url source: String) throws {
        guard let id = JSONFields.int(json["id"]), let url = JSONFields.string(json["feed_url"]) else {
            throw SyncError.malformed(url: source, what: "a feed without id or feed_url")
        }
        self.id = id
        self.url = url
        title = JSONFields.string(json["title"]) ?? url
        categoryID = JSONFields.int(json["cat_id"]) ?? 0
        unread = JSONFields.int(json["unread"]) ?? 0
    }
}
