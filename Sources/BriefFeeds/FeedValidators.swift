/// What a server said about the version of a feed it sent (`ETag`, `Last-Modified`), kept by the store and sent
/// back on the next fetch (`If-None-Match`, `If-Modified-Since`) so that an unchanged feed costs a 304 and no body.
public struct FeedValidators: Hashable, Sendable, Codable {
    /// The `ETag` header as sent, quotes included (e.g. `"v42"` or `W/"v42"`).
    public var etag: String?
    /// The `Last-Modified` header as sent (an HTTP date, passed back verbatim).
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    /// No validators: an unconditional fetch.
    public static let none = FeedValidators()
}
