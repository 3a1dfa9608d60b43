/// A feed a web page points to with `<link rel="alternate" type="application/rss+xml" href="…">`.
public struct FeedLink: Hashable, Sendable {
    /// The feed's absolute http or https address.
    public var url: String
    /// The link's `title`, if it gave one (plain text, references decoded).
    public var title: String?
    /// The feed family its `type` names: `rss`, `atom` or `json`.
    public var type: String

    public init(url: String, title: String? = nil, type: String) {
        self.url = url
        self.title = title
        self.type = type
    }
}
