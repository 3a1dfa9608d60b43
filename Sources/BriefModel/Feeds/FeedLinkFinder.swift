import Foundation

/// Feed autodiscovery: the feeds an HTML page offers in its `<link rel="alternate">` elements (the convention
/// browsers and readers follow: `type` application/rss+xml, application/atom+xml, application/rdf+xml or
/// application/feed+json, `href` resolved against the page's address and its `<base href>`).
///
///     FeedLinkFinder.links(in: page, pageURL: URL(string: "https://site.example/news/")!)
///     // [FeedLink(url: "https://site.example/news/feed.xml", title: "Site news", type: "rss")]
///
/// Pure and linear in the page's size: one pass over the bytes, looking only at `link` and `base` start tags, so a
/// huge or hostile page costs one scan. Only http and https addresses are kept, each once, at most `limit`.
public enum FeedLinkFinder {
    /// Feed links kept from one page; a page offering more is hostile or a directory, and the first are enough.
    public static let limit = 50

    public static func links(in page: [UInt8], pageURL: URL) -> [FeedLink] {
        var base = pageURL
        var found: [FeedLink] = []
        var seen = Set<String>()
        var i = 0
        let count = page.count
        while i < count, found.count < limit {
            guard page[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            // Comments and scripts may hold anything that looks like a tag.
            if startsWith(page, at: i, "<!--") {
                i = skip(page, from: i + 4, past: Array("-->".utf8))
                continue
            }
            if let skipped = skipRawText(page, at: i) {
                i = skipped
                continue
            }
            let name = tagName(page, at: i + 1)
            guard name == "link" || name == "base" else {
                i += 1
                continue
            }
            let (attributes, end, closed) = self.attributes(page, from: i + 1 + name.utf8.count)
            i = end
            // A tag the document ends inside is no tag (as in HTML).
            guard closed else { break }
            if name == "base" {
                if let href = attributes["href"], let url = URL(string: href, relativeTo: base)?.absoluteURL {
                    base = url
                }
                continue
            }
            guard let link = feedLink(attributes, base: base), seen.insert(link.url).inserted else { continue }
            found.append(link)
        }
        return found
    }

    /// The feed family a `type` attribute names, or nil for anything else (stylesheets, icons, HTML alternates).
    static func family(ofType type: String) -> String? {
        let mime = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch mime {
        case "application/rss+xml", "application/rdf+xml", "application/x-rss+xml": return "rss"
        case "application/atom+xml", "application/x-atom+xml": return "atom"
        case "application/feed+json", "application/json+feed": return "json"
        default: return nil
        }
    }

    // MARK: - Private

    private static func feedLink(_ attributes: [String: String], base: URL) -> FeedLink? {
        let rel = attributes["rel"]?.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) ?? []
        guard rel.contains("alternate"), !rel.contains("stylesheet"),
              let type = attributes["type"].flatMap(family(ofType:)),
              let href = attributes["href"]?.trimmingCharacters(in: .whitespacesAndNewlines), !href.isEmpty,
              let url = URL(string: href, relativeTo: base)?.absoluteURL,
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else { return nil }
        let title = attributes["title"]?.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return FeedLink(url: url.absoluteString, title: title?.isEmpty == false ? title : nil, type: type)
    }

    /// The lower-cased tag name starting at `start` (after `<`), empty for an end tag or markup declaration.
    private static func tagName(_ page: [UInt8], at start: Int) -> String {
        var end = start
        while end < page.count, end - start < 16, isNameByte(page[end]) { end += 1 }
        guard end > start, end < page.count, isSpace(page[end]) || page[end] == UInt8(ascii: ">")
                || page[end] == UInt8(ascii: "/") else { return "" }
        return String(decoding: page[start..<end], as: UTF8.self).lowercased()
    }

    /// The attributes of a start tag whose name ends at `start`, the position after its `>`, and whether there was
    /// one. Values are unquoted and their character references decoded; a later duplicate does not replace the
    /// first (as in HTML).
    private static func attributes(_ page: [UInt8], from start: Int) -> ([String: String], Int, Bool) {
        var attributes: [String: String] = [:]
        var i = start
        let count = page.count
        while i < count {
            while i < count, isSpace(page[i]) || page[i] == UInt8(ascii: "/") { i += 1 }
            guard i < count, page[i] != UInt8(ascii: ">") else { break }
            let nameStart = i
            while i < count, !isSpace(page[i]), page[i] != UInt8(ascii: "="), page[i] != UInt8(ascii: ">"),
                  page[i] != UInt8(ascii: "/") || i == nameStart { i += 1 }
            let name = String(decoding: page[nameStart..<i], as: UTF8.self).lowercased()
            while i < count, isSpace(page[i]) { i += 1 }
            var value = ""
            if i < count, page[i] == UInt8(ascii: "=") {
                i += 1
                while i < count, isSpace(page[i]) { i += 1 }
                let valueStart: Int, valueEnd: Int
                if i < count, page[i] == UInt8(ascii: "\"") || page[i] == UInt8(ascii: "'") {
                    let quote = page[i]
                    valueStart = i + 1
                    i = valueStart
                    while i < count, page[i] != quote { i += 1 }
                    valueEnd = i
                    if i < count { i += 1 }
                } else {
                    valueStart = i
                    while i < count, !isSpace(page[i]), page[i] != UInt8(ascii: ">") { i += 1 }
                    valueEnd = i
                }
                // An attribute value longer than any address is not one (and is not worth decoding).
                if valueEnd - valueStart <= 8_192 {
                    value = CharacterReferences.decode(String(decoding: page[valueStart..<valueEnd], as: UTF8.self))
                }
            }
            if !name.isEmpty, attributes[name] == nil { attributes[name] = value }
        }
        return (attributes, min(i + 1, count), i < count)
    }

    /// Past the end of a `script`, `style`, `textarea` or `title` element starting at `start`, whose text is not
    /// markup; nil when no such element starts there.
    private static func skipRawText(_ page: [UInt8], at start: Int) -> Int? {
        let name = tagName(page, at: start + 1)
        guard ["script", "style", "textarea", "title"].contains(name) else { return nil }
        var i = start + 1 + name.utf8.count
        while i < page.count, page[i] != UInt8(ascii: ">") { i += 1 }
        let close = Array("</\(name)".utf8)
        while i < page.count {
            if page[i] == UInt8(ascii: "<"), startsWith(page, at: i, close, ignoringCase: true) { return i + close.count }
            i += 1
        }
        return page.count
    }

    private static func skip(_ page: [UInt8], from start: Int, past marker: [UInt8]) -> Int {
        var i = start
        while i < page.count {
            if page[i] == marker[0], startsWith(page, at: i, marker) { return i + marker.count }
            i += 1
        }
        return page.count
    }

    private static func startsWith(_ page: [UInt8], at start: Int, _ text: String) -> Bool {
        startsWith(page, at: start, Array(text.utf8))
    }

    private static func startsWith(_ page: [UInt8], at start: Int, _ marker: [UInt8], ignoringCase: Bool = false) -> Bool {
        guard start + marker.count <= page.count else { return false }
        for offset in marker.indices {
            let byte = page[start + offset]
            if byte == marker[offset] { continue }
            if ignoringCase, byte | 0x20 == marker[offset] | 0x20, (byte | 0x20) >= 0x61, (byte | 0x20) <= 0x7A { continue }
            return false
        }
        return true
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || (byte >= 0x30 && byte <= 0x39)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
