import Foundation
import Testing
import BriefModel

@Suite("Reading Atom feeds")
struct AtomFeedParsingTests {
    @Test("An Atom entry's xhtml content is kept as markup and flattened into blocks")
    func xhtmlContent() throws {
        // Given an Atom feed whose entry has xhtml content, an author and both dates
        let xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title type="text">Delta Notes</title>
          <link rel="self" href="https://delta.example/atom.xml"/>
          <link href="https://delta.example/"/>
          <id>urn:delta</id>
          <entry>
            <id>urn:delta:1</id>
            <title type="html">Levee &lt;em&gt;holds&lt;/em&gt;</title>
            <link rel="alternate" href="https://delta.example/1"/>
            <link rel="edit" href="https://delta.example/edit/1"/>
            <published>2025-06-03T12:05:00+00:00</published>
            <updated>2025-06-04T08:00:00Z</updated>
            <author><name>Lin Okafor</name></author>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Water rose <b>two</b> metres &amp; fell.</p><ul><li>North bank</li><li>South bank</li></ul></div></content>
          </entry>
        </feed>
        """
        // When it is parsed
        let feed = try FeedParser.parse(Data(xml.utf8))
        // Then the entry's fields and its content blocks come through
        #expect(feed.kind == .atom)
        #expect(feed.title == "Delta Notes")
        #expect(feed.link == "https://delta.example/")
        let item = try #require(feed.items.first)
        #expect(item.id == "urn:delta:1")
        #expect(item.title == "Levee holds")
        #expect(item.link == "https://delta.example/1")
        #expect(item.author == "Lin Okafor")
        #expect(item.published == Date(timeIntervalSince1970: 1_748_952_300))
        #expect(item.bodyBlocks.map(\.text) == ["Water rose two metres & fell.", "• North bank", "• South bank"])
    }

    @Test("An Atom entry's escaped html content and text summary are told apart by their type")
    func htmlContentAndTextSummary() throws {
        let xml = """
        <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
        <entry><id>e1</id><title>Plain &lt;not a tag&gt;</title><updated>2025-06-04T08:00:00Z</updated>
        <summary>Less &lt; more</summary>
        <content type="html">&lt;p&gt;One&lt;/p&gt;&lt;p&gt;Two&lt;br&gt;lines&lt;/p&gt;</content></entry></feed>
        """
        let feed = try FeedParser.parse(Data(xml.utf8))
        let item = try #require(feed.items.first)
        #expect(item.title == "Plain <not a tag>")
        #expect(item.summary == .text("Less < more"))
        #expect(item.content == .html("<p>One</p><p>Two<br>lines</p>"))
        #expect(item.bodyBlocks.map(\.text) == ["One", "Two\nlines"])
        // An entry with only an update date is dated by it.
        #expect(item.published == Date(timeIntervalSince1970: 1_749_024_000))
    }
}
