import Foundation
import Testing
import BriefModel

/// Inputs found by fuzzing (`scripts/fuzz`) that crashed Brief, and their close variants.
/// The first inputs found are in `FeedXMLSafetyTests.processingInstructionWithoutData`.
@Suite("Fuzz findings")
struct FuzzRegressionTests {
    /// Foundation's XMLParser on Linux calls `strlen` on NULL for a processing instruction without data, so every
    /// place such an instruction can stand must be covered by the rewriting that removes it.
    @Test("A processing instruction without data never crashes the feed parser, wherever it stands",
          arguments: [
              // Before the root, where feeds put their stylesheet instruction.
              "<?xml-stylesheet?><rss version=\"2.0\"><channel><title>Crash check</title></channel></rss>",
              // After a byte-order mark and the XML declaration.
              "\u{FEFF}<?xml version=\"1.0\"?><?marker?><rss version=\"2.0\"><channel><title>Crash check</title></channel></rss>",
              // After the root element.
              "<rss version=\"2.0\"><channel><title>Crash check</title></channel></rss><?marker?>",
              // Inside the internal subset of a DOCTYPE.
              "<?xml version=\"1.0\"?><!DOCTYPE rss [<?marker?>]><rss version=\"2.0\"><channel><title>Crash check</title></channel></rss>",
              // Named like the XML declaration but not at the start.
              "<rss version=\"2.0\"><channel><?xml?><title>Crash check</title></channel></rss>",
          ])
    func processingInstructionAnywhere(xml: String) throws {
        // Given an RSS body with a `<?name?>` instruction
        // When it is parsed
        let feed = try FeedParser.parse(Data(xml.utf8))
        // Then it reads normally
        #expect(feed.title == "Crash check")
    }

    @Test("A processing instruction without data in a transcoded body (UTF-16, Windows-1252) does not crash")
    func processingInstructionInTranscodedBody() throws {
        // Given the same instruction in a UTF-16 body with a byte-order mark, and in a body declared ISO-8859-1
        let text = "<?marker?><rss version=\"2.0\"><channel><title>Crash check</title></channel></rss>"
        var utf16 = Data([0xFF, 0xFE])
        for unit in text.utf16 { utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        let latin1 = Data(("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + text).utf8)
        // When they are parsed, then both read normally
        #expect(try FeedParser.parse(utf16).title == "Crash check")
        #expect(try FeedParser.parse(latin1).title == "Crash check")
    }

    @Test("An OPML list with a processing instruction before its root reads normally")
    func processingInstructionInOPML() throws {
        // Given an OPML list whose first line is a `<?name?>` instruction
        let opml = "<?marker?><opml version=\"2.0\"><head><title>Crash check</title></head>"
            + "<body><outline text=\"Desk\" xmlUrl=\"https://news.example.org/feed.xml\"/></body></opml>"
        // When it is parsed
        let list = try OPMLDocument.parse(Data(opml.utf8))
        // Then its title and feed are read
        #expect(list.title == "Crash check")
        #expect(list.feeds.map(\.url) == ["https://news.example.org/feed.xml"])
    }
}
