import Foundation
import Testing
import BriefModel

/// Ill-formed XML: every complete item kept, and the parse result says so; when nothing can be kept, one line
/// naming the fault.
@Suite("Recovering items from malformed feeds")
struct FeedRecoveryTests {
    @Test("A feed cut short keeps every complete item and reports the recovery")
    func cutShort() throws {
        // Given a feed cut off inside its third item
        let xml = """
        <?xml version="1.0"?>
        <rss version="2.0"><channel><title>Cut Desk</title><link>https://cut.example/</link>
        <item><title>One</title><link>https://cut.example/1</link></item>
        <item><title>Two</title><link>https://cut.example/2</link></item>
        <item><title>Thr
        """
        // When it is parsed
        let feed = try FeedParser.parse(Data(xml.utf8))
        // Then the two complete items and the channel are read, and the recovery is reported
        #expect(feed.title == "Cut Desk")
        #expect(feed.link == "https://cut.example/")
        #expect(feed.items.map(\.title) == ["One", "Two"])
        let recovery = try #require(feed.recovery)
        #expect(recovery.itemsRecovered == 2)
        #expect(recovery.itemsLost == 1)
        #expect(feed.notes.contains { $0.hasPrefix("recovered 2 items from a malformed feed, 1 lost (parse error at line") })
    }

    @Test("An undefined entity costs nothing: every item is recovered with the reference as text")
    func undefinedEntity() throws {
        // Given an Atom feed with an entity no one declared
        let xml = """
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>
        <entry><id>1</id><title>Talks &madeup; resume</title></entry>
        <entry><id>2</id><title>Grain deal</title></entry>
        </feed>
        """
        // When it is parsed
        let feed = try FeedParser.parse(Data(xml.utf8))
        // Then both entries are kept and the fault is named in the recovery
        #expect(feed.items.map(\.title) == ["Talks &madeup; resume", "Grain deal"])
        #expect(feed.recovery?.itemsRecovered == 2)
        #expect(feed.recovery?.problem == "parse error at line 2: undefined entity &madeup;")
    }

    @Test("A broken item is lost alone; raw HTML void tags in a description are read in recovery")
    func brokenItem() throws {
        // Given an item with mismatched tags between two good ones, and one with a bare <br>
        let xml = """
        <rss><channel><title>t</title>
        <item><title>Good one</title></item>
        <item><title>Bad</b></title></item>
        <item><title>Break</title><description>Line one<br>Line two</description></item>
        </channel></rss>
        """
        // When it is parsed
        let feed = try FeedParser.parse(Data(xml.utf8))
        // Then the good items are read and the broken one counted
        #expect(feed.items.map(\.title) == ["Good one", "Break"])
        #expect(feed.items.last?.bodyBlocks.map(\.text) == ["Line one\nLine two"])
        #expect(feed.recovery?.itemsLost == 1)
    }

    @Test("When no item can be recovered the strict parse's error stands, naming the fault and its line")
    func nothingRecoverable() {
        let cutInFirst = "<rss><channel><title>t</title>\n<item><title>only"
        #expect(throws: FeedParseError.xml(line: 2, reason: "document ends early, or has content after its end")) {
            try FeedParser.parse(Data(cutInFirst.utf8))
        }
        let broken = "<rss><channel><title>t</title>\n<item><title>x</item>\n</channel></rss>"
        #expect(throws: FeedParseError.xml(line: 2, reason: "closing tag does not match the open element")) {
            try FeedParser.parse(Data(broken.utf8))
        }
    }

    @Test("A well-formed feed with no items reads with a 'no items' note; items with nothing in them are an error")
    func noItemsAndUnreadableItems() throws {
        // Given a channel with no items, and a channel whose items are all empty
        let empty = try FeedParser.parse(Data("<rss><channel><title>Quiet</title></channel></rss>".utf8))
        #expect(empty.items.isEmpty)
        #expect(empty.notes == ["no items"])
        let hollow = "<rss><channel><title>t</title><item><guid isPermaLink=\"false\">1</guid></item><item></item></channel></rss>"
        // Then the second is refused with the reason
        #expect(throws: FeedParseError.noReadableItems(found: 2, reason: "every item is empty (no title, link or text)")) {
            try FeedParser.parse(Data(hollow.utf8))
        }
        #expect(FeedParseError.noReadableItems(found: 2, reason: "every item is empty (no title, link or text)").description
            == "2 items, none readable: every item is empty (no title, link or text)")
    }
}
