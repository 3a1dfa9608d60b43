import Foundation

/// One HTTP exchange for `CurlTransfer`: the request and the bounds it runs under.
public struct CurlRequest: Sendable {
    public var url: String
    /// A body makes it a POST; nil a GET.
    public var body: Data?
    /// Header lines, "Name: value".
    public var headers: [String]
    /// The most body bytes kept; a longer answer is stopped, not truncated.
    public var maxBytes: Int
    /// Seconds to connect, and the longest silence (under a byte a second) once connected.
    public var idleTimeout: Double
    /// Seconds for the whole exchange however slowly the bytes come.
    public var totalTimeout: Double
    public var maxRedirects: Int

    public init(url: String, body: Data? = nil, headers: [String] = [], maxBytes: Int, idleTimeout: Double,
                totalTimeout: Double, maxRedirects: Int) {
        self.url = url
        self.body = body
        self.headers = headers
        self.maxBytes = maxBytes
        self.idleTimeout = idleTimeout
        self.totalTimeout = totalTimeout
        self.maxRedirects = maxRedirects
    }
}
