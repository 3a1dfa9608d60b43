import Foundation

/// One article as `getHeadlines` lists it.
public struct TTRSSHeadline: Sendable, Equatable {
    public var id: Int
    /// TT-RSS's identity of the item ("SHA1:…" of its original guid or link): see `ItemIdentity`.
    public var identity: String
    public var feedID: Int
    public var title: String
    public var link: String
    public var isUnread: Bool
    public var isStarred: Bool
    public var updated: Date
    /// The article's HTML, when asked for with `showContent`.
    public var content: String?

    init(json: [String: Any], url: String) throws {
        guard let id = JSONFields.int(json["id"]) else {
            throw SyncError.malformed(url: url, what: "a headline without id")
        }
        self.id = id
        identity = ItemIdentity.hash(inTTRSSGuid: JSONFields.string(json["guid"]) ?? "")
        feedID = JSONFields.int(json["feed_id"]) ?? 0
        title = JSONFields.string(json["title"]) ?? ""
        link = JSONFields.string(json["link"]) ?? ""
        isUnread = JSONFields.bool(json["unread"]) ?? false
        isStarred = JSONFields.bool(json["marked"]) ?? false
        updated = Date(timeIntervalSince1970: TimeInterval(JSONFields.int(json["updated"]) ?? 0))
        content = JSONFields.string(json["content"])
    }
}
