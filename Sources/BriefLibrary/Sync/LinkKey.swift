import Foundation

/// A story's link in a form two copies of it share: scheme and host lower-cased, `http` and `https` alike, no
/// `www.`, no fragment, no trailing slash, default ports dropped.
enum LinkKey {
    static func normalise(_ link: String) -> String {
        let trimmed = link.trimmingCharacters(in: .whitespacesAndNewlines)
        guard var components = URLComponents(string: trimmed), let host = components.host?.lowercased() else {
            return trimmed
        }
        components.fragment = nil
        if components.port == 80 || components.port == 443 { components.port = nil }
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        let query = components.percentEncodedQuery.map { "?" + $0 } ?? ""
        let port = components.port.map { ":\($0)" } ?? ""
        let bareHost = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        return bareHost + port + path + query
    }
}
