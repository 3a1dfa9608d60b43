/// The family a parsed feed came from.
public enum FeedKind: String, Codable, Sendable, Hashable {
    /// RSS 0.9x, 1.0 (RDF) or 2.0.
    case rss
    /// Atom 1.0.
    case atom
    /// JSON Feed 1.x.
    case json
}
