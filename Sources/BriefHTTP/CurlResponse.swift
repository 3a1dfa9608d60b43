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

    /// The media type `Content-Type` names, lower-cased and without parameters (`application/rss+xml`); nil when
    /// the server sent none.
    public var mediaType: String? {
        guard let type = header("Content-Type")?.split(separator: ";", omittingEmptySubsequences: false).first else {
            return nil
        }
        let trimmed = type.trimmingCharacters(in: .whitespaces).lowercased()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The `charset` parameter of `Content-Type`, unquoted (`koi8-r`); nil when there is none.
    public var charset: String? {
        guard let type = header("Content-Type") else { return nil }
        for parameter in type.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            return value.isEmpty ? nil : value
        }
        return nil
    }
}
