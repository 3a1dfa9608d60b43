/// The family a parsed feed came from.
public enum FeedKind: String, Codable, Sendable, Hashable {
    /// RSS 0.90–2.0, or 1.0 (RDF).
    case rss
    /// Atom 1.0 or the 0.3 draft.
    case atom
    /// JSON Feed 1.x.
    case json
}
