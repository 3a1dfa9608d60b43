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

    @Test("Removing an instruction never joins the text around it into a new one",
          arguments: [
              // The minimised fuzz finding: taking `<??>` out of `<<??>?marker?>` once left `<?marker?>`.
              "<rss version=\"2.0\"><channel><title>Crash check<<??>?marker?></title></channel></rss>",
              // The same join across a removed DOCTYPE, and across nested removals.
              "<rss version=\"2.0\"><channel><title>Crash check<<!DOCTYPE x>?marker?></title></channel></rss>",
              "<rss version=\"2.0\"><channel><title>Crash check<<<??>??>?marker?></title></channel></rss>",
          ])
    func removalLeavesNoInstruction(xml: String) {
        // Given a `<` that removing the markup after it would join to `?marker?>`
        // When it is parsed, then it is refused with a parse error rather than crashing
        #expect(throws: FeedParseError.self) { try FeedParser.parse(Data(xml.utf8)) }
    }

    @Test("An OPML list where removing an instruction would join text into a new one is refused, not crashed")
    func removalLeavesNoInstructionInOPML() {
        // Given the OPML fuzz finding: `<<??>?marker?>` in the list's title
        let opml = "<opml version=\"2.0\"><head><title>Crash check<<??>?marker?></title></head><body/></opml>"
        // When it is parsed, then it is refused with a parse error
        #expect(throws: FeedParseError.self) { try OPMLDocument.parse(Data(opml.utf8)) }
    }

    @Test("An instruction removed between words leaves a space, so the words stay apart and the feed reads")
    func removalLeavesSpace() throws {
        // Given an instruction between two words of a title
        let xml = "<rss version=\"2.0\"><channel><title>Crash<?marker?>check</title></channel></rss>"
        // When it is parsed, then the title keeps both words, apart
        #expect(try FeedParser.parse(Data(xml.utf8)).title == "Crash check")
    }

    @Test("An entity declared to expand into an instruction is never expanded: its reference reads as text",
          arguments: ["&#60;?marker?>", "&#x3C;?marker?>", "&#60;?marker?>&#60;?other?>", "&#38;#60;?marker?>"])
    func entityExpandingToInstruction(value: String) throws {
        // Given the fuzz finding: a DOCTYPE declaring `note` as markup that holds `<?marker?>`, used in the title
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY note "\(value)">]>
        <rss version="2.0"><channel><title>Crash check &note;</title></channel></rss>
        """
        // When it is parsed
        let feed = try FeedParser.parse(Data(xml.utf8))
        // Then the DOCTYPE is gone and the reference is kept as written
        #expect(feed.title == "Crash check &note;")
    }

    @Test("An entity declared to expand into an instruction inside an attribute or an OPML list does not crash")
    func entityExpandingToInstructionElsewhere() throws {
        // Given the declaration used in an attribute value, and in an OPML list
        let rss = """
        <!DOCTYPE rss [<!ENTITY note "&#60;?marker?>">]>
        <rss version="2.0"><channel><title>Crash check</title><item><title>t</title>
        <enclosure url="https://news.example.org/a.mp3?&note;" type="audio/mpeg" length="1"/></item></channel></rss>
        """
        let opml = """
        <!DOCTYPE opml [<!ENTITY note "&#60;?marker?>">]>
        <opml version="2.0"><head><title>Crash check &note;</title></head><body/></opml>
        """
        // When they are parsed, then both read, the references as text
        #expect(try FeedParser.parse(Data(rss.utf8)).title == "Crash check")
        #expect(try OPMLDocument.parse(Data(opml.utf8)).title == "Crash check &note;")
    }

    @Test("Instruction-like text inside CDATA is kept exactly, and inside a comment is ignored")
    func instructionInCDATAAndComment() throws {
        // Given CDATA holding `<?php?>` and `<!DOCTYPE`, and a comment holding `<?marker?>`
        let xml = """
        <rss version="2.0"><channel><title>Crash check</title><!-- a <?marker?> b -->
        <item><title>t</title><guid isPermaLink="false"><![CDATA[id <?php?> and <!DOCTYPE x> here]]></guid></item>
        </channel></rss>
        """
        // When it is parsed
        let feed = try FeedParser.parse(Data(xml.utf8))
        // Then the CDATA text (a guid, kept as it is) reads as written and the comment changes nothing
        #expect(feed.title == "Crash check")
        #expect(feed.items.first?.id == "id <?php?> and <!DOCTYPE x> here")
    }

    @Test("An XML declaration is kept only where the parser reads it as one: at the very start, and plain")
    func declarationOnlyAtStart() throws {
        // Given a declaration holding `>` (where libxml2, recovering, would read on) before an instruction
        let withBracket = "<?xml version=\"1.0\" > <?marker?> ?><rss version=\"2.0\"><channel><title>Crash check</title></channel></rss>"
        // and a declaration after whitespace, which libxml2 reports as an instruction
        let afterSpace = " <?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Crash check</title></channel></rss>"
        // When they are parsed, then the first is refused with a parse error and the second reads without it
        #expect(throws: FeedParseError.self) { try FeedParser.parse(Data(withBracket.utf8)) }
        #expect(try FeedParser.parse(Data(afterSpace.utf8)).title == "Crash check")
    }

    @Test("An empty Atom id or RDF about is no id: such entries keep distinct identities from their content")
    func emptyIdentifiers() throws {
        // Given two Atom entries with `<id></id>` and no link (the fuzzer found one with an empty id), and two
        // RSS 1.0 items with `rdf:about=""`
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Empty ids</title>
            <entry><id></id><title>Council extends mission</title><summary>The council voted.</summary></entry>
            <entry><id>  </id><title>Talks resume</title><summary>Envoys met again.</summary></entry>
            </feed>
            """
        let rdf = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
            <channel rdf:about=""><title>Empty abouts</title></channel>
            <item rdf:about=""><title>Council extends mission</title><description>The council voted.</description></item>
            <item rdf:about=""><title>Talks resume</title><description>Envoys met again.</description></item>
            </rdf:RDF>
            """
        for xml in [atom, rdf] {
            // When they are parsed
            let items = try FeedParser.parse(Data(xml.utf8)).items
            // Then every item has an id, its content's fingerprint, and the two differ
            #expect(items.count == 2)
            #expect(items.allSatisfy { $0.id.hasPrefix("fingerprint:") }, "\(items.map(\.id))")
            #expect(Set(items.map(\.id)).count == 2)
        }
    }

    /// The date reader summed a date's digits into an Int without a bound, so a 90-digit day trapped.
    @Test("A date with a digit run longer than any number leaves the item undated and the feed read")
    func dateWithEndlessDigits() throws {
        // Given a JSON Feed item whose date has a 90-digit day, beside an item with a good date
        let json = """
            {"version":"https://jsonfeed.org/version/1.1","title":"Digits","items":[
            {"id":"1","title":"Ceasefire holds","content_text":"Talks went on.",
             "date_published":"2026-11-0\(String(repeating: "3", count: 90))T09:30:00Z"},
            {"id":"2","title":"Talks resume","content_text":"Envoys met again.","date_published":"2026-11-03T09:30:00Z"}]}
            """
        // When it is parsed
        let items = try FeedParser.parse(Data(json.utf8)).items
        // Then both items are read, the first without a date
        #expect(items.map(\.title) == ["Ceasefire holds", "Talks resume"])
        #expect(items[0].published == nil)
        #expect(items[1].published == FeedDate.parse("2026-11-03T09:30:00Z"))
    }
}
