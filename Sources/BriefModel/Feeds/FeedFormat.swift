import Foundation

/// What a file or response body holds, judged from its first element (or JSON Feed's `version`), not its name.
///
///     FeedFormat.detect(data: Data("<rss version=\"2.0\">…".utf8))   // .rss
public enum FeedFormat: String, Sendable, Hashable, Codable {
    /// RSS 0.91–2.0 (`<rss>`) or RSS 1.0 / 0.90 (`<rdf:RDF>`).
    case rss
    /// Atom 1.0 or 0.3 (`<feed>`).
    case atom
    /// JSON Feed (`{"version": "https://jsonfeed.org/version/1.1", …}`).
    case json
    /// An OPML subscription list (`<opml>`).
    case opml
    /// Anything else (HTML pages, plain text, other XML or JSON).
    case notAFeed

    /// The format of `data`. Reads at most the first 64 KiB for XML; JSON is decoded to check its `version`.
    public static func detect(data: Data) -> FeedFormat {
        var bytes = [UInt8](data.prefix(65_536))
        let mark = FeedEncoding.byteOrderMark(bytes)
        if let wide = mark.map({ $0.name }) ?? FeedEncoding.wideWithoutMark(bytes), wide != "UTF-8" {
            // UTF-16 or UTF-32, with or without a mark: look at the start as UTF-8 (JSON Feed is UTF-8 only, so
            // this is XML or nothing).
            let body = Array(bytes.dropFirst(mark?.length ?? 0))
            guard let text = LegacyTextDecoder.decode(body, encoding: wide) else { return .notAFeed }
            bytes = Array(text.utf8)
        }
        var i = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        guard i < bytes.count else { return .notAFeed }
        if bytes[i] == UInt8(ascii: "{") { return isJSONFeed(data) ? .json : .notAFeed }
        guard let root = rootElementName(bytes, from: i) else { return .notAFeed }
        let local = root.split(separator: ":").last.map(String.init) ?? root
        switch local.lowercased() {
        case "rss", "rdf": return .rss
        case "feed": return .atom
        case "opml": return .opml
        default: return .notAFeed
        }
    }

    /// The name of the first element, skipping the XML declaration, comments, processing instructions and DOCTYPE.
    static func rootElementName(_ bytes: [UInt8], from start: Int) -> String? {
        var i = start
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else {
                if [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) {
                    i += 1
                    continue
                }
                return nil
            }
            guard i + 1 < bytes.count else { return nil }
            let next = bytes[i + 1]
            if next == UInt8(ascii: "?") {
                guard let end = firstIndex(of: Array("?>".utf8), in: bytes, from: i + 2) else { return nil }
                i = end + 2
            } else if bytes[i...].starts(with: Array("<!--".utf8)) {
                guard let end = firstIndex(of: Array("-->".utf8), in: bytes, from: i + 4) else { return nil }
                i = end + 3
            } else if next == UInt8(ascii: "!") {
                // DOCTYPE, possibly with an internal subset in brackets.
                var depth = 0
                var j = i + 2
                while j < bytes.count {
                    if bytes[j] == UInt8(ascii: "[") { depth += 1 }
                    if bytes[j] == UInt8(ascii: "]") { depth -= 1 }
                    if bytes[j] == UInt8(ascii: ">") && depth <= 0 { break }
                    j += 1
                }
                i = j + 1
            } else {
                var j = i + 1
                while j < bytes.count, !([0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "/")].contains(bytes[j])) {
                    j += 1
                }
                return j > i + 1 ? String(decoding: bytes[(i + 1)..<j], as: UTF8.self) : nil
            }
        }
        return nil
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        var i = start
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0] && bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private static func isJSONFeed(_ data: Data) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let version = object["version"] as? String else { return false }
        return version.contains("jsonfeed.org/version/")
    }
}
