import Foundation

/// A feed on a Fever server (read-only: the API has no call to subscribe or unsubscribe).
public struct FeverFeed: Sendable, Equatable {
    public var id: Int
    public var title: String
    public var url: String
    public var siteURL: String
    /// The groups (folders) it is in, from `feeds_groups`.
    public var groupIDs: [Int]

    init(json: [String: Any], groupIDs: [Int], url source: String) throws {
        guard let id = JSONFields.int(json["id"]) else {
            throw SyncError.malformed(url: source, what: "a feed without id")
        }
        self.id = id
        url = JSONFields.string(json["url"]) ?? ""
        title = JSONFields.string(json["title"]) ?? url
        siteURL = JSONFields.string(json["site_url"]) ?? ""
        self.groupIDs = groupIDs
    }
}
