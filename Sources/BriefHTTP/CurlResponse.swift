import Foundation

/// What a `CurlTransfer` brought back: how it ended, and the last response's status, header fields and body (empty
/// unless it ended complete).
public struct CurlResponse: Sendable {
    public var ending: CurlEnding
    public var status: Int
    /// The last response's header fields (the first of each name).
    public var headers: [String: String]
    /// The status of every response on the way, redirects included.
    public var statuses: [Int]
    /// The address the answer came from, after redirects.
    public var finalURL: String?
    public var body: Data
    /// libcurl's own words when it failed, for a one-line message.
    public var message: String?

    /// A header field by name, whatever its case.
    public func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
