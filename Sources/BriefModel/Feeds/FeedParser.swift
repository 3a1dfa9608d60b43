import Foundation

/// Reads a feed body, whichever family it is: RSS 0.9x / 1.0 / 2.0, Atom 1.0 or JSON Feed 1.x.
///
///     let feed = try FeedParser.parse(data, url: URL(string: "https://example.org/feed.xml"))
///     for item in feed.items { let story = ArticleParser.parse(item.articleText, .article) }
///
/// Pure: no I/O. A body that is not well-formed throws rather than yielding the items read before the fault: a
/// truncated or corrupted feed would otherwise look like a complete one with fewer stories, and the next fetch
/// (or the error message naming the line) is the better outcome than a silent partial import.
public enum FeedParser {
    /// The feed in `data`. `url`, the address it came from, makes relative item links absolute.
    /// The largest body read as a feed (the fetcher's default size cap). Far past any real feed; beyond it
    /// libxml2's own limits would fail with a message that says nothing useful.
    public static let maxBytes = 10_000_000

    public static func parse(_ data: Data, url: URL? = nil) throws(FeedParseError) -> FeedDocument {
        guard data.count <= maxBytes else { throw .tooLarge(bytes: data.count, limit: maxBytes) }
        let data = XMLInput.utf8(data)
        switch FeedFormat.detect(data: data) {
        case .rss, .atom:
            return try XMLFeedReader(baseURL: url).read(XMLInput.xml(data))
        case .json:
            return try JSONFeedReader.read(data, baseURL: url)
        case .opml:
            throw .notAFeed(found: "an OPML subscription list")
        case .notAFeed:
            throw .notAFeed(found: describe(data))
        }
    }

    /// A few words on what the body looks like instead, for the error message.
    static func describe(_ data: Data) -> String {
        let head = String(decoding: data.prefix(512), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if head.isEmpty { return "empty body" }
        let lower = head.lowercased()
        if lower.hasPrefix("<!doctype html") || lower.hasPrefix("<html") { return "an HTML page" }
        if head.hasPrefix("{") || head.hasPrefix("[") { return "JSON that is not a JSON Feed" }
        if head.hasPrefix("<") { return "XML whose root is not rss, RDF or feed" }
        return "text"
    }
}
