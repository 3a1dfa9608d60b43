import Foundation

/// Why talking to a sync server failed, in one line that names the server and what went wrong. Never carries a
/// password or a request body.
public enum SyncError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The connection failed (refused, reset, name not found).
    case unreachable(url: String, reason: String)
    /// No complete answer within the limit (a slow or stalled server).
    case timedOut(url: String, seconds: Double)
    /// The answer was larger than the client accepts.
    case tooLarge(url: String, limit: Int)
    /// More redirects than the client follows.
    case tooManyRedirects(url: String, limit: Int)
    /// The TLS handshake or certificate check failed.
    case tls(url: String, reason: String)
    /// An HTTP status other than 2xx.
    case httpStatus(url: String, status: Int)
    /// The server answered a web page where the API answers JSON (usually a wrong base URL).
    case html(url: String)
    /// The answer is not the JSON the protocol defines.
    case malformed(url: String, what: String)
    /// The server refused the user name and password.
    case loginRefused(user: String, url: String)
    /// The account exists but its API access is switched off (TT-RSS: Preferences → Enable API).
    case apiDisabled(user: String, url: String)
    /// The server speaks an older API level than the client needs.
    case apiLevelTooOld(url: String, found: Int, needed: Int)
    /// The server answered the call with an error.
    case server(url: String, operation: String, error: String)

    /// Whether a sync must stop here: the server is unreachable or is not answering as the protocol says. Only a
    /// server's refusal of one call (`server`) lets the rest of a sync go on.
    public var endsSync: Bool {
        if case .server = self { false } else { true }
    }

    public var description: String {
        switch self {
        case .unreachable(let url, let reason): "sync server \(url) unreachable: \(reason)"
        case .timedOut(let url, let seconds): "sync server \(url) gave no complete answer within \(Self.format(seconds)) s"
        case .tooLarge(let url, let limit): "sync server \(url) answered more than \(limit / 1_048_576) MiB: refused"
        case .tooManyRedirects(let url, let limit): "sync server \(url) redirected more than \(limit) times (a loop?)"
        case .tls(let url, let reason): "sync server \(url): TLS failed: \(reason)"
        case .httpStatus(let url, let status): "sync server \(url) answered HTTP \(status)"
        case .html(let url): "sync server \(url) answered a web page, not the API's JSON (is the URL the server's base address?)"
        case .malformed(let url, let what): "sync server \(url) answered malformed JSON: \(what)"
        case .loginRefused(let user, let url): "sync server \(url) refused the login of \(user): wrong user name or password"
        case .apiDisabled(let user, let url): "sync server \(url): API access is disabled for \(user) (enable it in the server's preferences)"
        case .apiLevelTooOld(let url, let found, let needed): "sync server \(url) speaks API level \(found); Brief needs \(needed) or later"
        case .server(let url, let operation, let error): "sync server \(url) refused \(operation): \(error)"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}
