import Foundation
import Testing
import BriefModel

@Suite("Detecting feed formats")
struct FeedFormatTests {
    @Test("The first element or the JSON Feed version decides the format", arguments: [
        ("<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\"><channel/></rss>", FeedFormat.rss),
        ("\u{FEFF}<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"></rdf:RDF>", .rss),
        ("<!DOCTYPE feed [<!ENTITY a \"b\">]><feed xmlns=\"http://www.w3.org/2005/Atom\"/>", .atom),
        ("<opml version=\"2.0\"><body/></opml>", .opml),
        ("  {\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}", .json),
        ("{\"version\": \"1\"}", .notAFeed),
        ("<html><body>not a feed</body></html>", .notAFeed),
        ("plain words", .notAFeed),
        ("", .notAFeed),
    ])
    func detect(_ text: String, _ expected: FeedFormat) {
        #expect(FeedFormat.detect(data: Data(text.utf8)) == expected)
    }
}
