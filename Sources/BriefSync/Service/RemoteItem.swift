import Foundation

/// An item (article) on the sync server, whatever the protocol, with its text.
public struct RemoteItem: Sendable, Equatable {
    public var id: Int
    public var feedID: Int
    /// TT-RSS's hash of the item's original guid or link (`ItemIdentity`); nil when the protocol gives none.
    public var identity: String?
    public var title: String
    public var link: String
    public var html: String
    public var published: Date?
    public var isUnread: Bool
    public var isStarred: Bool

    public init(id: Int, feedID: Int, identity: String?, title: String, link: String, html: String, published: Date?,
                isUnread: Bool, isStarred: Bool) {
        self.id = id
        self.feedID = feedID
        self.identity = identity
        self.title = title
        self.link = link
        self.html = html
        self.published = published
        self.isUnread = isUnread
        self.isStarred = isStarred
    }
}
