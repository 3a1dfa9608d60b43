import Foundation

/// The bounds every request to a sync server runs under, so a hostile or broken server costs bounded memory and
/// time: a size cap on the answer, a stall limit, a limit on the whole exchange and on redirects.
public struct HTTPLimits: Sendable, Equatable {
    /// The most bytes of one answer the client keeps; more is refused, not truncated.
    public var maxBytes: Int
    /// Seconds without a byte arriving before the request fails.
    public var idleTimeout: Double
    /// Seconds for the whole exchange, however slowly the bytes keep coming (a slow loris).
    public var totalTimeout: Double
    /// Redirects followed before the request fails.
    public var maxRedirects: Int

    public init(maxBytes: Int = 32 * 1_048_576, idleTimeout: Double = 20, totalTimeout: Double = 120, maxRedirects: Int = 5) {
        self.maxBytes = maxBytes
        self.idleTimeout = idleTimeout
        self.totalTimeout = totalTimeout
        self.maxRedirects = maxRedirects
    }
}
