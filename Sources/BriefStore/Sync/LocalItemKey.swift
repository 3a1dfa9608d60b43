/// What the cache knows of one feed item for matching it with a server's copy: its guid and link as its feed gave
/// them, its feed, and the story it became.
public struct LocalItemKey: Hashable, Sendable {
    public var feedKey: String
    public var guid: String?
    public var link: String?
    public var storyID: Int64
}
