import Foundation
import Testing
import BriefModel

@Suite("Reading RSS feeds")
struct RSSFeedParsingTests {
    @Test("An RSS 2.0 item takes its body from content:encoded and its summary from description")
    func rss2WithContentEncoded() throws {
        // Given an RSS 2.0 feed with content:encoded, dc:creator and a guid
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>Harbour Desk</title>
            <link>https://news.example/harbour</link>
            <image><title>Logo title</title><link>https://news.example/logo</link></image>
            <item>
              <title>Ferry talks resume &amp; stall</title>
              <link>https://news.example/harbour/ferry</link>
              <guid isPermaLink="false">harbour-0042</guid>
              <pubDate>Tue, 03 Jun 2025 14:05:00 +0200</pubDate>
              <dc:creator>Ada Quill</dc:creator>
              <description>Short &lt;b&gt;teaser&lt;/b&gt;.</description>
              <content:encoded><![CDATA[<p>Envoys met at the quay.</p><h2>Next steps</h2><p>Another round is due.</p>]]></content:encoded>
            </item>
          </channel>
        </rss>
        """
        // When it is parsed
        let feed = try FeedParser.parse(Data(xml.utf8))
        // Then the channel and the item come through with every field
        #expect(feed.kind == .rss)
        #expect(feed.title == "Harbour Desk")
        #expect(feed.link == "https://news.example/harbour")
        let item = try #require(feed.items.first)
        #expect(item.id == "harbour-0042")
        #expect(item.title == "Ferry talks resume & stall")
        #expect(item.link == "https://news.example/harbour/ferry")
        #expect(item.author == "Ada Quill")
        #expect(item.published == Date(timeIntervalSince1970: 1_748_952_300))
        #expect(item.summary == .html("Short <b>teaser</b>."))
        #expect(item.bodyBlocks == [
            HTMLBlock(kind: .paragraph, text: "Envoys met at the quay."),
            HTMLBlock(kind: .heading(level: 2), text: "Next steps"),
            HTMLBlock(kind: .paragraph, text: "Another round is due."),
        ])
    }

    @Test("An RSS 0.91 item without a guid is identified by its link and its description is its body")
    func rss091() throws {
        // Given an RSS 0.91 feed whose items have only title, link and description
        let xml = """
        <rss version="0.91"><channel><title>Old Wire</title><link>http://old.example/</link>
        <item><title>Border post reopens</title><link>http://old.example/1</link>
        <description>Traffic crossed at dawn.</description></item>
        </channel></rss>
        """
        // When it is parsed
        let feed = try FeedParser.parse(Data(xml.utf8))
        // Then the link is the id and the description gives the article body
        let item = try #require(feed.items.first)
        #expect(item.id == "http://old.example/1")
        #expect(item.content == nil)
        #expect(item.articleText == "Border post reopens\n\nTraffic crossed at dawn.\n")
    }

    @Test("An RSS 1.0 (RDF) feed yields items identified by rdf:about and dated by dc:date")
    func rss10RDF() throws {
        // Given an RSS 1.0 document with items beside the channel
        let xml = """
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel rdf:about="https://rdf.example/">
            <title>RDF Monitor</title><link>https://rdf.example/</link><description>d</description>
          </channel>
          <item rdf:about="https://rdf.example/a">
            <title>Grain corridor extended</title><link>https://rdf.example/a</link>
            <dc:date>2025-06-03T12:05:00Z</dc:date><dc:creator>Desk</dc:creator>
            <description>Ships sail again.</description>
          </item>
        </rdf:RDF>
        """
        // When it is parsed
        let feed = try FeedParser.parse(Data(xml.utf8))
        // Then it is read as RSS with the item's date from dc:date
        #expect(feed.kind == .rss)
        #expect(feed.title == "RDF Monitor")
        let item = try #require(feed.items.first)
        #expect(item.id == "https://rdf.example/a")
        #expect(item.title == "Grain corridor extended")
        #expect(item.published == Date(timeIntervalSince1970: 1_748_952_300))
        #expect(item.author == "Desk")
    }

    @Test("Items repeated by guid or by link appear once, the first kept")
    func dedupe() throws {
        // Given a feed that repeats one guid and, under a fresh guid, one link
        let xml = """
        <rss version="2.0"><channel><title>t</title>
        <item><guid>a</guid><title>First</title><link>https://d.example/1</link></item>
        <item><guid>a</guid><title>First again</title><link>https://d.example/9</link></item>
        <item><guid>b</guid><title>Same link</title><link>https://d.example/1</link></item>
        <item><guid>c</guid><title>Other</title><link>https://d.example/2</link></item>
        </channel></rss>
        """
        // When it is parsed
        let feed = try FeedParser.parse(Data(xml.utf8))
        // Then only the first of each duplicate remains
        #expect(feed.items.map(\.title) == ["First", "Other"])
    }

    @Test("A feed declared as ISO-8859-1 is decoded from that encoding")
    func latin1Feed() throws {
        // Given an RSS feed in ISO-8859-1 whose title has é (0xE9) and an HTML entity
        var data = Data("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>Caf".utf8)
        data.append(0xE9)
        data.append(contentsOf: Data("&nbsp;Desk</title></channel></rss>".utf8))
        // When it is parsed, then the title reads correctly
        #expect(try FeedParser.parse(data).title == "Café Desk")
    }

    @Test("Relative item links are made absolute against the feed's address")
    func relativeLinks() throws {
        let xml = "<rss><channel><title>t</title><item><title>x</title><link>/story/7</link></item></channel></rss>"
        let feed = try FeedParser.parse(Data(xml.utf8), url: URL(string: "https://rel.example/feeds/main.xml"))
        #expect(feed.items.first?.link == "https://rel.example/story/7")
    }

    @Test("A feed with the Atom namespace inside RSS takes atom:link as the item link when there is no link")
    func atomLinkInRSS() throws {
        let xml = """
        <rss xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><channel>
        <title>t</title><atom:link rel="self" href="https://a.example/feed"/>
        <item><atom:link href="https://a.example/s/1"/><media:title>Picture story</media:title>
        <media:description>A caption.</media:description></item></channel></rss>
        """
        let feed = try FeedParser.parse(Data(xml.utf8))
        let item = try #require(feed.items.first)
        #expect(item.link == "https://a.example/s/1")
        #expect(item.title == "Picture story")
        #expect(item.summary == .text("A caption."))
        #expect(feed.link == nil)
    }
}
