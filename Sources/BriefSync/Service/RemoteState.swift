/// An item's read state and star on the server, as last listed.
public struct RemoteState: Sendable, Equatable {
    public var isUnread: Bool
    public var isStarred: Bool

    public init(isUnread: Bool, isStarred: Bool) {
        self.isUnread = isUnread
        self.isStarred = isStarred
    }
}
