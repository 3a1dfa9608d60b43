import BriefModel

/// Why fetching one feed failed, in words short enough for one line.
public enum FeedFetchFailure: Hashable, Sendable, CustomStringConvertible {
    /// The server answered with a status other than 2xx or 304 (`http 404`).
    case http(status: Int)
    /// Nothing listens at the address's port.
    case connectionRefused
    /// The host name does not resolve.
    case hostNotFound
    /// No answer within the request timeout, or the whole fetch took longer than the resource timeout.
    case timedOut(seconds: Double)
    /// The body passed the size cap, so the transfer was cancelled.
    case tooLarge(limit: Int)
    /// More redirects than allowed.
    case tooManyRedirects(limit: Int)
    /// The body is not a feed, or not a well-formed one.
    case unreadable(FeedParseError)
    /// The address is not one this fetcher can use (only http and https).
    case unsupportedURL
    /// The fetch was cancelled before it finished.
    case cancelled
    /// Any other transport failure, as the system describes it.
    case network(String)

    public var description: String {
        switch self {
        case .http(let status): return "http \(status)"
        case .connectionRefused: return "connection refused"
        case .hostNotFound: return "host not found"
        case .timedOut(let seconds): return "timed out after \(Self.format(seconds)) s"
        case .tooLarge(let limit): return "too large (over \(Self.formatBytes(limit)))"
        case .tooManyRedirects(let limit): return "too many redirects (more than \(limit))"
        case .unreadable(let error): return error.description
        case .unsupportedURL: return "unsupported address (only http and https)"
        case .cancelled: return "cancelled"
        case .network(let message): return message
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }

    private static func formatBytes(_ bytes: Int) -> String {
        if bytes >= 1_000_000 && bytes % 100_000 == 0 { return "\(format(Double(bytes) / 1_000_000)) MB" }
        if bytes >= 1_000 && bytes % 100 == 0 { return "\(format(Double(bytes) / 1_000)) kB" }
        return "\(bytes) bytes"
    }
}
