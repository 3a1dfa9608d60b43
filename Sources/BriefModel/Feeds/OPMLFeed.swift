/// One subscription in an OPML file: the feed's address, its name, its web site, and the folders it sits in.
public struct OPMLFeed: Hashable, Sendable, Codable {
    /// The feed's address (`xmlUrl`).
    public var url: String
    /// The feed's name (`title`, else `text`), if any.
    public var title: String?
    /// The feed's web site (`htmlUrl`), if any.
    public var siteURL: String?
    /// The names of the folders that hold it (outermost first), plus any `category` values; no duplicates.
    public var tags: [String]

    public init(url: String, title: String? = nil, siteURL: String? = nil, tags: [String] = []) {
        self.url = url
        self.title = title
        self.siteURL = siteURL
        self.tags = tags
    }
}
