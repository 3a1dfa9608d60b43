import Foundation
import Testing
import BriefModel

@Suite("OPML subscription lists")
struct OPMLDocumentTests {
    @Test("Folders become tags and a feed listed twice is one feed with both tags")
    func parseFolders() throws {
        // Given an OPML file with nested folders, a top-level feed and a feed listed in two folders
        let opml = """
        <?xml version="1.0"?>
        <opml version="1.0"><head><title>My list</title></head><body>
          <outline text="Europe">
            <outline text="Baltic" title="Baltic">
              <outline type="rss" text="Riga Wire" xmlUrl="https://riga.example/rss" htmlUrl="https://riga.example/"/>
            </outline>
            <outline type="rss" text="Both" xmlUrl="https://both.example/feed"/>
          </outline>
          <outline text="Energy"><outline type="rss" title="Both" xmlUrl="https://both.example/feed"/></outline>
          <outline type="rss" text="Loose &amp; free" xmlUrl="https://loose.example/atom" category="/Wire,Daily"/>
        </body></opml>
        """
        // When it is parsed
        let list = try OPMLDocument.parse(Data(opml.utf8))
        // Then every feed carries the names of the folders around it
        #expect(list.title == "My list")
        #expect(list.feeds == [
            OPMLFeed(url: "https://riga.example/rss", title: "Riga Wire", siteURL: "https://riga.example/",
                     tags: ["Europe", "Baltic"]),
            OPMLFeed(url: "https://both.example/feed", title: "Both", tags: ["Europe", "Energy"]),
            OPMLFeed(url: "https://loose.example/atom", title: "Loose & free", tags: ["Wire", "Daily"]),
        ])
    }

    @Test("Exporting and reading back gives the same feeds, titles, sites and tags")
    func roundTrip() throws {
        // Given feeds with tags, shared tags, no tags and characters that need escaping
        let original = OPMLDocument(title: "Brief <subscriptions>", feeds: [
            OPMLFeed(url: "https://a.example/rss?x=1&y=2", title: "A \"quoted\" desk", siteURL: "https://a.example/",
                     tags: ["Asia", "Daily"]),
            OPMLFeed(url: "https://b.example/atom", title: "B", tags: ["Daily"]),
            OPMLFeed(url: "https://c.example/feed.json", title: nil, tags: []),
        ])
        // When it is exported and parsed again
        let text = original.xml()
        let back = try OPMLDocument.parse(Data(text.utf8))
        // Then nothing is lost (a feed without a title comes back titled by its address)
        #expect(back.title == original.title)
        let expected = original.feeds.map { feed in
            var feed = feed
            if feed.title == nil { feed.title = feed.url }
            return feed
        }
        #expect(back.feeds.sorted { $0.url < $1.url } == expected.sorted { $0.url < $1.url })
        #expect(FeedFormat.detect(data: Data(text.utf8)) == .opml)
    }

    @Test("A feed given as an OPML file is refused with what it is")
    func notOPML() {
        let rss = "<rss><channel><title>t</title></channel></rss>"
        #expect(throws: FeedParseError.notOPML(found: "a rss feed")) { try OPMLDocument.parse(Data(rss.utf8)) }
    }
}
