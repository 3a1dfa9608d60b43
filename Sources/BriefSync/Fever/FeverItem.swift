import Foundation

/// One item as the Fever API lists it. Fever gives no guid: items are matched by feed and link.
public struct FeverItem: Sendable, Equatable {
    public var id: Int
    public var feedID: Int
    public var title: String
    public var url: String
    public var html: String
    public var isRead: Bool
    public var isSaved: Bool
    public var created: Date

    init(json: [String: Any], url source: String) throws {
        guard let id = JSONFields.int(json["id"]) else {
            throw SyncError.malformed(url: source, what: "an item without id")
        }
        self.id = id
        feedID = JSONFields.int(json["feed_id"]) ?? 0
        title = JSONFields.string(json["title"]) ?? ""
        url = JSONFields.string(json["url"]) ?? ""
        html = JSONFields.string(json["html"]) ?? ""
        isRead = JSONFields.bool(json["is_read"]) ?? false
        isSaved = JSONFields.bool(json["is_saved"]) ?? false
        created = Date(timeIntervalSince1970: TimeInterval(JSONFields.int(json["created_on_time"]) ?? 0))
    }
}
