/// A subscription on the sync server, whatever the protocol.
public struct RemoteFeed: Sendable, Equatable {
    public var id: Int
    public var url: String
    public var title: String
    /// The folder (TT-RSS category, Fever group) it is in, if any.
    public var folder: String?

    public init(id: Int, url: String, title: String, folder: String?) {
        self.id = id
        self.url = url
        self.title = title
        self.folder = folder
    }
}
