import Foundation

/// A category (folder) on the server (`getCategories`); ids below 1 are TT-RSS's own (Special, Uncategorized).
public struct TTRSSCategory: Sendable, Equatable {
    public var id: Int
    public var title: String
    public var unread: Int

    init(json: [String: Any], url: String) throws {
        guard let id = JSONFields.int(json["id"]) else {
            throw SyncError.malformed(url: url, what: "a category without id")
        }
        self.id = id
        title = JSONFields.string(json["title"]) ?? ""
        unread = JSONFields.int(json["unread"]) ?? 0
    }
}
