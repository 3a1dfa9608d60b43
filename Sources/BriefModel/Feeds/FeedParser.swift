import Foundation

/// Reads a feed body, whichever family it is: RSS 0.90–2.0, RSS 1.0 (RDF), Atom 1.0 or 0.3, or JSON Feed 1.x.
///
///     let feed = try FeedParser.parse(data, url: URL(string: "https://example.org/feed.xml"), charset: "koi8-r")
///     for item in feed.items { let story = ArticleParser.parse(item.articleText, .article) }
///     feed.notes   // ["read as windows-1252 (guessed)"], ["recovered 3 items from a malformed feed (…)"], …
///
/// Pure: no I/O. Forgiving as mature readers are, and says so: an encoding that had to be guessed
/// (`encodingFallback`), XML that was not well-formed but whose complete items were read (`recovery`), items with
/// nothing to read (`unreadableItems`). What cannot be read at all throws one line naming the real problem.
public enum FeedParser {
    /// The largest body read as a feed (the fetcher's default size cap). Far past any real feed; beyond it
    /// libxml2's own limits would fail with a message that says nothing useful.
    public static let maxBytes = 10_000_000

    /// The feed in `data`. `url`, the address it came from, makes relative item links absolute; `charset` is the
    /// encoding the transport named (the HTTP `Content-Type` charset), which outranks the XML declaration.
    public static func parse(_ data: Data, url: URL? = nil, charset: String? = nil) throws(FeedParseError) -> FeedDocument {
        guard data.count <= maxBytes else { throw .tooLarge(bytes: data.count, limit: maxBytes) }
        let decoded = XMLInput.decode(data, transport: charset)
        let data = decoded.data
        var document: FeedDocument
        switch FeedFormat.detect(data: data) {
        case .rss, .atom:
            document = try readXML(data, url: url)
        case .json:
            document = try JSONFeedReader.read(data, baseURL: url)
        case .opml:
            throw .notAFeed(found: "an OPML subscription list")
        case .notAFeed:
            throw .notAFeed(found: describe(data))
        }
        document.encodingFallback = decoded.fallback
        return document
    }

    /// Strict XML first; when that fails, the recovery path keeps every complete item, and when it cannot, the
    /// strict parse's error (which names the fault and its line) stands.
    private static func readXML(_ utf8: Data, url: URL?) throws(FeedParseError) -> FeedDocument {
        let reader = XMLFeedReader(baseURL: url)
        do throws(FeedParseError) {
            return try reader.read(XMLInput.xml(utf8))
        } catch {
            guard case .xml = error, let kind = reader.kind else { throw error }
            if let recovered = XMLFeedRecovery.recover(utf8, baseURL: url, atom: kind == .atom, failure: error) {
                return recovered
            }
            throw error
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
