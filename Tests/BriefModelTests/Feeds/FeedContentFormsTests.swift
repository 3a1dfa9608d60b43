import Foundation
import Testing
import BriefModel

/// The forms an item's text comes in, each from a small feed written for this test.
@Suite("Reading every content form")
struct FeedContentFormsTests {
    @Test("Markup written directly inside an RSS title or description is kept as text, not lost")
    func rawMarkupInsideTextElements() throws {
        // Given a description holding unescaped paragraphs and a title holding an inline element
        let xml = """
        <rss version="2.0"><channel><title>t</title><item>
        <title>Talks <em>resume</em> in Oslo</title>
        <description><p>Envoys met at the quay.</p><p>A second round is <b>due</b> &amp; planned.</p></description>
        </item></channel></rss>
        """
        // When it is parsed
        let item = try #require(try FeedParser.parse(Data(xml.utf8)).items.first)
        // Then the title and both paragraphs read in full
        #expect(item.title == "Talks resume in Oslo")
        #expect(item.bodyBlocks.map(\.text) == ["Envoys met at the quay.", "A second round is due & planned."])
    }

    @Test("Atom xhtml content is flattened, and escaped html is told from plain text")
    func atomXHTMLAndEscaped() throws {
        // Given entries with xhtml content, escaped html content and text content holding angle brackets
        let xml = """
        <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
        <entry><id>1</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Ferry <b>deal</b></div></title>
          <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><h2>Outcome</h2><p>Both sides signed.</p></div></content></entry>
        <entry><id>2</id><title>Grain</title><content type="html">&lt;p&gt;Ships sail.&lt;/p&gt;&lt;p&gt;Ports open.&lt;/p&gt;</content></entry>
        <entry><id>3</id><title>Code</title><content type="text">Use a &lt;b&gt; tag &amp; go.</content></entry>
        </feed>
        """
        // When it is parsed
        let items = try FeedParser.parse(Data(xml.utf8)).items
        try #require(items.count == 3)
        // Then xhtml and html give their blocks and text stays text
        #expect(items[0].title == "Ferry deal")
        #expect(items[0].bodyBlocks == [HTMLBlock(kind: .heading(level: 2), text: "Outcome"),
                                        HTMLBlock(kind: .paragraph, text: "Both sides signed.")])
        #expect(items[1].bodyBlocks.map(\.text) == ["Ships sail.", "Ports open."])
        #expect(items[2].content == .text("Use a <b> tag & go."))
    }

    @Test("Base64 Atom 1.0 content of an HTML media type is decoded; binary content is not taken for text")
    func base64Content() throws {
        // Given one entry with base64 HTML under a MIME type, and one with base64 image bytes
        let html = Data("<p>Decoded paragraph.</p>".utf8).base64EncodedString()
        let image = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0xFF, 0xD8]).base64EncodedString()
        let xml = """
        <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
        <entry><id>1</id><title>Encoded</title><content type="application/octet-stream+html">\(html)</content></entry>
        <entry><id>2</id><title>Picture</title><content type="image/png">\(image)</content></entry>
        </feed>
        """
        // When it is parsed
        let items = try FeedParser.parse(Data(xml.utf8)).items
        // Then the HTML is read and the image gives no body
        #expect(items.first?.bodyBlocks.map(\.text) == ["Decoded paragraph."])
        #expect(items.last?.content == nil)
    }

    @Test("xhtml:body and content:encoded bodies are read; content:encoded wins over description")
    func extensionBodies() throws {
        // Given one item with an xhtml:body and one with content:encoded beside a description
        let xml = """
        <rss version="2.0" xmlns:xhtml="http://www.w3.org/1999/xhtml"
             xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title>
        <item><title>One</title><link>https://body.example/1</link>
          <xhtml:body><xhtml:p>Body paragraph.</xhtml:p><xhtml:ul><xhtml:li>Point</xhtml:li></xhtml:ul></xhtml:body></item>
        <item><title>Two</title><link>https://body.example/2</link><description>Teaser.</description>
          <content:encoded><![CDATA[<p>Full text.</p>]]></content:encoded></item>
        </channel></rss>
        """
        // When it is parsed
        let items = try FeedParser.parse(Data(xml.utf8)).items
        // Then each body reads
        #expect(items.first?.bodyBlocks.map(\.text) == ["Body paragraph.", "• Point"])
        #expect(items.last?.bodyBlocks.map(\.text) == ["Full text."])
        #expect(items.last?.summary == .html("Teaser."))
    }

    @Test("An unclosed tag in item HTML does not swallow the text after it")
    func unclosedTag() {
        // Given HTML with an attribute quote never closed, an unclosed title element and a tag cut off at the end
        let quote = HTMLText.paragraphs("<p>Before <a href=\"x>link</a> after.</p><p>Next paragraph.</p>")
        let title = HTMLText.paragraphs("<p>Start <title>middle</p><p>Rest of the story.</p>")
        let cut = HTMLText.paragraphs("<p>All the text.</p><img src=\"a")
        // Then the text after each fault is kept
        #expect(quote.last == "Next paragraph.")
        #expect(title.contains("Rest of the story."))
        #expect(cut == ["All the text."])
    }

    @Test("C1 character references read as windows-1252, as browsers show them")
    func c1References() throws {
        // Given references to 0x93, 0x94 and 0x96 in a title and a description
        let xml = """
        <rss><channel><title>t</title><item><title>&#147;Talks&#148; &#150; day two</title>
        <description>Cost: &#128;5 &amp;#133;</description></item></channel></rss>
        """
        // When it is parsed
        let item = try #require(try FeedParser.parse(Data(xml.utf8)).items.first)
        // Then they are the curly quotes, the dash, the euro and the ellipsis
        #expect(item.title == "“Talks” – day two")
        #expect(item.bodyBlocks.map(\.text) == ["Cost: €5 …"])
    }
}
