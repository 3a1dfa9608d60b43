/// Why a body could not be read as a feed (or an OPML file); its description is one line for an error message.
public enum FeedParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Not RSS, Atom or JSON Feed; `found` says what it looks like instead (e.g. "an OPML subscription list").
    case notAFeed(found: String)
    /// Not an OPML subscription list; `found` says what it looks like instead.
    case notOPML(found: String)
    /// The XML is not well-formed (or expands entities without bound) at `line`.
    case xml(line: Int, reason: String)
    /// The JSON is not a readable JSON Feed.
    case json(reason: String)
    /// The body is larger than `FeedParser.maxBytes`.
    case tooLarge(bytes: Int, limit: Int)
    /// The feed held `found` items but none had anything to read; `reason` says why.
    case noReadableItems(found: Int, reason: String)

    public var description: String {
        switch self {
        case .notAFeed(let found): return "not a feed (\(found))"
        case .notOPML(let found): return "not an OPML file (\(found))"
        case .xml(let line, let reason): return "parse error at line \(line): \(reason)"
        case .json(let reason): return "JSON Feed error: \(reason)"
        case .tooLarge(let bytes, let limit): return "feed is too large: \(bytes) bytes, the limit is \(limit) bytes"
        case .noReadableItems(let found, let reason):
            return "\(found) \(found == 1 ? "item" : "items"), none readable: \(reason)"
        }
    }
}
