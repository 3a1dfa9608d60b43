import Foundation

/// The answer a feed request got: the address it came from after redirects, its status and its header fields.
struct FeedResponse: Sendable {
    /// The address the answer came from, after redirects.
    var url: URL
    var status: Int
    /// The header fields (the first of each name).
    var headers: [String: String]

    /// A header field by name, whatever its case.
    func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The media type `Content-Type` names, lower-cased and without parameters (`application/rss+xml`); nil when
    /// the server sent none.
    var mimeType: String? {
        guard let type = header("Content-Type")?.split(separator: ";", omittingEmptySubsequences: false).first else {
            return nil
        }
        let trimmed = type.trimmingCharacters(in: .whitespaces).lowercased()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The `charset` parameter of `Content-Type`, unquoted (`koi8-r`); nil when there is none.
    var textEncodingName: String? {
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
