import Foundation
import Testing
import BriefModel

/// Every feed family and version Brief reads, each from a small feed written for this test.
@Suite("Reading every feed family")
struct FeedFamiliesTests {
    @Test("An Atom 0.3 feed is read: issued dates, escaped and base64 content, alternate links")
    func atom03() throws {
        // Given an Atom 0.3 feed with escaped HTML content, a base64 summary and a plain-text entry
        let summary = Data("Talks resume at the quay.".utf8).base64EncodedString()
        let xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed version="0.3" xmlns="http://purl.org/atom/ns#">
          <title>Harbour Desk</title>
          <link rel="alternate" type="text/html" href="https://old-atom.example/"/>
          <tagline>Dispatches</tagline>
          <entry>
            <title>Ferry talks resume</title>
            <link rel="alternate" type="text/html" href="https://old-atom.example/ferry"/>
            <id>tag:old-atom.example,2025:ferry</id>
            <issued>2025-06-03T14:05:00+02:00</issued>
            <modified>2025-06-04T09:00:00Z</modified>
            <author><name>Ada Quill</name></author>
            <summary type="text/plain" mode="base64">\(summary)</summary>
            <content type="text/html" mode="escaped">&lt;p&gt;Envoys met at dawn.&lt;/p&gt;&lt;p&gt;A second round is due.&lt;/p&gt;</content>
          </entry>
          <entry>
            <title>Grain corridor</title>
            <link rel="alternate" href="https://old-atom.example/grain"/>
            <id>tag:old-atom.example,2025:grain</id>
            <modified>2025-06-04T09:00:00Z</modified>
            <content type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Ships <b>sail</b> again.</p></div></content>
          </entry>
        </feed>
        """
        // When it is parsed
        let feed = try FeedParser.parse(Data(xml.utf8))
        // Then both entries come through with their links, ids, dates and bodies
        #expect(feed.kind == .atom)
        #expect(feed.title == "Harbour Desk")
        #expect(feed.link == "https://old-atom.example/")
        try #require(feed.items.count == 2)
        let ferry = feed.items[0]
        #expect(ferry.id == "tag:old-atom.example,2025:ferry")
        #expect(ferry.link == "https://old-atom.example/ferry")
        #expect(ferry.published == Date(timeIntervalSince1970: 1_748_952_300))
        #expect(ferry.author == "Ada Quill")
        #expect(ferry.summary == .text("Talks resume at the quay."))
        #expect(ferry.bodyBlocks.map(\.text) == ["Envoys met at dawn.", "A second round is due."])
        let grain = feed.items[1]
        #expect(grain.published == Date(timeIntervalSince1970: 1_749_027_600))
        #expect(grain.bodyBlocks.map(\.text) == ["Ships sail again."])
    }

    @Test("An Atom document without its namespace is read as Atom")
    func atomWithoutNamespace() throws {
        // Given an Atom feed whose author forgot the xmlns
        let xml = """
        <feed><title>Bare Atom</title><link href="https://bare.example/"/>
        <entry><id>urn:bare:1</id><title type="html">Border &lt;em&gt;reopens&lt;/em&gt;</title>
        <link href="https://bare.example/1"/><updated>2025-06-03T12:05:00Z</updated>
        <content type="html">&lt;p&gt;Traffic crossed at dawn.&lt;/p&gt;</content></entry></feed>
        """
        // When it is parsed
        let feed = try FeedParser.parse(Data(xml.utf8))
        // Then its entry reads as it would with the namespace
        #expect(feed.kind == .atom)
        #expect(feed.title == "Bare Atom")
        let item = try #require(feed.items.first)
        #expect(item.id == "urn:bare:1")
        #expect(item.title == "Border reopens")
        #expect(item.link == "https://bare.example/1")
        #expect(item.published == Date(timeIntervalSince1970: 1_748_952_300))
        #expect(item.bodyBlocks.map(\.text) == ["Traffic crossed at dawn."])
    }

    @Test("RSS 0.90 (RDF with the Netscape namespace) is read")
    func rss090() throws {
        // Given an RSS 0.90 document
        let xml = """
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
          <channel><title>Early Wire</title><link>http://early.example/</link><description>d</description></channel>
          <image><title>Logo</title><url>http://early.example/logo.gif</url><link>http://early.example/</link></image>
          <item><title>Cease-fire holds</title><link>http://early.example/1</link></item>
          <item><title>Envoy recalled</title><link>http://early.example/2</link></item>
        </rdf:RDF>
        """
        // When it is parsed
        let feed = try FeedParser.parse(Data(xml.utf8))
        // Then both items are read, and the image's title is not the feed's
        #expect(feed.kind == .rss)
        #expect(feed.title == "Early Wire")
        #expect(feed.items.map(\.title) == ["Cease-fire holds", "Envoy recalled"])
        #expect(feed.items.map(\.link) == ["http://early.example/1", "http://early.example/2"])
    }

    @Test("RSS 0.92 and 2.0 with a namespaced default are read alike")
    func rss092And20() throws {
        // Given an RSS 0.92 feed and an RSS 2.0 feed that declares the old RSS 2.0 namespace as its default
        let rss092 = """
        <rss version="0.92"><channel><title>Wire 92</title><link>http://w92.example/</link>
        <item><title>Summit ends</title><description>Leaders left early.</description></item></channel></rss>
        """
        let rss20 = """
        <rss version="2.0" xmlns="http://backend.userland.com/rss2"><channel><title>Wire 20</title>
        <item><title>Summit ends</title><link>http://w20.example/1</link></item></channel></rss>
        """
        // When they are parsed, then their items are read
        let first = try FeedParser.parse(Data(rss092.utf8))
        #expect(first.items.first?.title == "Summit ends")
        #expect(first.items.first?.bodyBlocks.map(\.text) == ["Leaders left early."])
        let second = try FeedParser.parse(Data(rss20.utf8))
        #expect(second.title == "Wire 20")
        #expect(second.items.first?.link == "http://w20.example/1")
    }

    @Test("JSON Feed 1.0 and 1.1 are both read, with their authors and dates")
    func jsonFeedVersions() throws {
        // Given the same item in a 1.0 feed (author object) and a 1.1 feed (authors array)
        let v10 = """
        {"version": "https://jsonfeed.org/version/1", "title": "Desk", "items": [
          {"id": "1", "url": "https://json.example/1", "title": "Talks resume", "content_text": "Envoys met.",
           "date_published": "2025-06-03T12:05:00Z", "author": {"name": "Ada Quill"}}]}
        """
        let v11 = """
        {"version": "https://jsonfeed.org/version/1.1", "title": "Desk", "items": [
          {"id": "1", "url": "https://json.example/1", "title": "Talks resume", "content_html": "<p>Envoys met.</p>",
           "date_published": "2025-06-03T14:05:00+02:00", "authors": [{"name": "Ada Quill"}]}]}
        """
        // When they are parsed, then both give the same story
        for text in [v10, v11] {
            let item = try #require(try FeedParser.parse(Data(text.utf8)).items.first)
            #expect(item.title == "Talks resume")
            #expect(item.author == "Ada Quill")
            #expect(item.published == Date(timeIntervalSince1970: 1_748_952_300))
            #expect(item.bodyBlocks.map(\.text) == ["Envoys met."])
        }
    }

    @Test("A JSON Feed item of the wrong shape is left out and counted; the others are read")
    func jsonFeedBadItem() throws {
        // Given a feed whose second item has a title that is not a string
        let text = """
        {"version": "https://jsonfeed.org/version/1.1", "items": [
          {"id": "1", "title": "Talks resume", "content_text": "Envoys met."},
          {"id": "2", "title": 42}]}
        """
        // When it is parsed
        let feed = try FeedParser.parse(Data(text.utf8))
        // Then the good item is read and the bad one counted
        #expect(feed.items.map(\.title) == ["Talks resume"])
        #expect(feed.unreadableItems == 1)
    }

    @Test("Extension elements sharing a core element's name never replace the item's title, link or description")
    func coreElementsOnlyFromTheirNamespace() throws {
        // Given an item carrying an image with its own title and link, and extension elements named like core ones
        let xml = """
        <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:x="https://ext.example/ns"
             xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Desk</title>
        <image><title>Logo</title><link>https://desk.example/logo</link></image>
        <item>
          <title>Ferry talks resume</title>
          <link>https://desk.example/ferry</link>
          <description>Envoys met at the quay.</description>
          <image><title>Photo</title><link>https://desk.example/photo.jpg</link></image>
          <x:title>Other title</x:title><x:link>https://ext.example/elsewhere</x:link>
          <x:description>Other text</x:description>
          <media:title>Media title</media:title><itunes:summary>Podcast text</itunes:summary>
        </item></channel></rss>
        """
        // When it is parsed
        let feed = try FeedParser.parse(Data(xml.utf8))
        // Then the item's own fields stand
        #expect(feed.title == "Desk")
        let item = try #require(feed.items.first)
        #expect(item.title == "Ferry talks resume")
        #expect(item.link == "https://desk.example/ferry")
        #expect(item.summary == .html("Envoys met at the quay."))
    }

    @Test("xml:base is honoured at every level, nested bases resolving against their parents")
    func xmlBase() throws {
        // Given an Atom feed with xml:base on the feed, on an entry and on a link
        let xml = """
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://base.example/news/">
          <title>Based</title><link href="home"/>
          <entry><id>a</id><title>One</title><link href="one.html"/></entry>
          <entry xml:base="world/"><id>b</id><title>Two</title><link href="two.html"/></entry>
          <entry><id>c</id><title>Three</title><link xml:base="/archive/2025/" href="three.html"/></entry>
        </feed>
        """
        // When it is parsed with the feed's own address known
        let feed = try FeedParser.parse(Data(xml.utf8), url: URL(string: "https://elsewhere.example/feed.xml"))
        // Then each link resolves against the base in force where it stands
        #expect(feed.link == "https://base.example/news/home")
        #expect(feed.items.map(\.link) == [
            "https://base.example/news/one.html", "https://base.example/news/world/two.html",
            "https://base.example/archive/2025/three.html",
        ])
    }

    @Test("A permalink guid is the link when an item has none; a guid that is not a permalink is not")
    func permalinkGuid() throws {
        // Given items with a permalink guid, a guid marked as no permalink, and a guid that is no address
        let xml = """
        <rss version="2.0"><channel><title>t</title>
        <item><title>A</title><guid>https://guid.example/a</guid></item>
        <item><title>B</title><guid isPermaLink="false">https://guid.example/b</guid></item>
        <item><title>C</title><guid>guid-c-123</guid></item>
        <item><title>D</title><guid>https://guid.example/d</guid><link>https://guid.example/d.html</link></item>
        </channel></rss>
        """
        // When it is parsed
        let feed = try FeedParser.parse(Data(xml.utf8))
        // Then only the permalink guid becomes the link, and a real link wins over it
        #expect(feed.items.map(\.link) == ["https://guid.example/a", nil, nil, "https://guid.example/d.html"])
        #expect(feed.items.map(\.id) == ["https://guid.example/a", "https://guid.example/b", "guid-c-123", "https://guid.example/d"])
    }

    @Test("Dublin Core and DC terms give the title and date when the core elements are missing")
    func dublinCore() throws {
        // Given RSS 1.0 items titled and dated only by dc: and dcterms: elements
        let xml = """
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
          <channel rdf:about="https://dc.example/"><dc:title>DC Desk</dc:title></channel>
          <item rdf:about="https://dc.example/1"><dc:title>Talks resume</dc:title><dc:date>2025-06-03T12:05:00Z</dc:date></item>
          <item rdf:about="https://dc.example/2"><dcterms:title>Grain deal</dcterms:title>
            <dcterms:issued>2025-06-03</dcterms:issued></item>
          <item rdf:about="https://dc.example/3"><title>Own title</title><dc:title>DC title</dc:title>
            <dcterms:modified>2025-06-03T12:05:00Z</dcterms:modified></item>
        </rdf:RDF>
        """
        // When it is parsed
        let feed = try FeedParser.parse(Data(xml.utf8))
        // Then the DC fields stand in, and the core title wins where there is one
        #expect(feed.title == "DC Desk")
        #expect(feed.items.map(\.title) == ["Talks resume", "Grain deal", "Own title"])
        #expect(feed.items.map(\.published) == [
            Date(timeIntervalSince1970: 1_748_952_300), Date(timeIntervalSince1970: 1_748_908_800),
            Date(timeIntervalSince1970: 1_748_952_300),
        ])
    }
}
