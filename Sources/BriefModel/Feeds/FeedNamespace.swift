/// The namespaces feed elements come from, and which of them hold each family's core elements.
///
/// Core elements are read only from their family's own namespaces, so that an extension element sharing a local
/// name (`media:title`, `itunes:summary`, `foo:link`) never passes for the item's own.
enum FeedNamespace {
    static let atom10 = "http://www.w3.org/2005/Atom"
    /// The Atom 0.3 draft.
    static let atom03 = "http://purl.org/atom/ns#"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let dcTerms = "http://purl.org/dc/terms/"
    static let media = "http://search.yahoo.com/mrss/"
    static let itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let xhtml = "http://www.w3.org/1999/xhtml"
    static let rss10 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"

    /// Namespaces RSS core elements are found in: none (0.91–2.0), RSS 1.0's, RSS 0.90's, and the two that some
    /// RSS 2.0 feeds declared as their default.
    static func isRSSCore(_ namespace: String) -> Bool {
        switch namespace {
        case "", rss10, rss090, "http://backend.userland.com/rss2", "http://blogs.law.harvard.edu/tech/rss": return true
        default: return false
        }
    }

    /// Both Atom namespaces (1.0 and the 0.3 draft), for Atom elements used inside RSS.
    static func isAtom(_ namespace: String) -> Bool {
        namespace == atom10 || namespace == atom03
    }
}
