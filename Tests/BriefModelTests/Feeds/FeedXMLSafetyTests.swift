import Foundation
import Testing
import BriefModel

@Suite("Hostile and malformed feed XML")
struct FeedXMLSafetyTests {
    @Test("Undeclared HTML entities such as &nbsp; parse as their characters instead of failing the feed")
    func htmlEntitiesInXML() throws {
        // Given an RSS title and description using HTML entities XML does not declare
        let xml = """
        <rss><channel><title>Caf&eacute;&nbsp;Desk</title>
        <item><title>Talks&nbsp;&mdash;&nbsp;day two</title><description>&lt;p&gt;Ok&lt;/p&gt;</description></item>
        </channel></rss>
        """
        // When it is parsed
        let feed = try FeedParser.parse(Data(xml.utf8))
        // Then the entities are read as characters
        #expect(feed.title == "Café Desk")
        #expect(feed.items.first?.title == "Talks — day two")
    }

    @Test("A bare ampersand is read as a literal ampersand, inside and outside CDATA")
    func bareAmpersand() throws {
        let xml = """
        <rss><channel><title>AT&T & co</title><item><title>x</title>
        <link><![CDATA[https://amp.example/?a=1&b=2]]></link></item></channel></rss>
        """
        let feed = try FeedParser.parse(Data(xml.utf8))
        #expect(feed.title == "AT&T & co")
        #expect(feed.items.first?.link == "https://amp.example/?a=1&b=2")
    }

    @Test("An entity that is neither XML nor HTML is kept as written, and the recovery names it and its line")
    func unknownEntity() throws {
        let xml = "<rss><channel>\n<title>t</title>\n<item><title>a &madeup; b</title></item></channel></rss>"
        let feed = try FeedParser.parse(Data(xml.utf8))
        #expect(feed.items.first?.title == "a &madeup; b")
        #expect(feed.recovery?.problem == "parse error at line 3: undefined entity &madeup;")
    }

    @Test("An external entity is never resolved: no file content reaches the item")
    func externalEntityNotResolved() throws {
        // Given a feed declaring an external entity that points at a local file
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <rss><channel><title>t</title><item><title>before&x;after</title><description>d&x;</description></item></channel></rss>
        """
        // When it is parsed
        let feed = try FeedParser.parse(Data(xml.utf8))
        // Then the DOCTYPE is dropped and the reference reads as literal text: nothing from the file appears anywhere
        let item = try #require(feed.items.first)
        #expect(item.title == "before&x;after")
        #expect(!item.title.contains("root"))
        #expect(!item.articleText.contains("root:"))
    }

    @Test("An external parameter entity in the DTD is never loaded: the DTD is dropped and the feed reads")
    func externalParameterEntity() throws {
        // Given a DTD that pulls in a local file through a parameter entity
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>
        <rss><channel><title>t</title><item><title>x</title></item></channel></rss>
        """
        // When it is parsed
        let feed = try FeedParser.parse(Data(xml.utf8))
        // Then the feed reads as if it had no DTD, with nothing from the file in it
        #expect(feed.title == "t")
        #expect(feed.items.map(\.title) == ["x"])
        #expect(!(feed.items.first?.articleText.contains("root:") ?? true))
    }

    @Test("A billion-laughs entity bomb never expands: its reference reads as literal text")
    func billionLaughs() throws {
        // Given nine levels of entities each repeating the one below ten times (10^9 copies)
        var xml = #"<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">"#
        xml += "<!ENTITY lol1 \"" + String(repeating: "&lol;", count: 10) + "\">"
        for level in 2...9 { xml += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">" }
        xml += "]><rss><channel><title>&lol9;</title></channel></rss>"
        // When it is parsed
        let feed = try FeedParser.parse(Data(xml.utf8))
        // Then the declarations went with the DOCTYPE and the title is the reference as written, not 10^9 laughs
        #expect(feed.title == "&lol9;")
    }

    @Test("Malformed XML keeps its complete items, loses the broken one, and names the fault with its line")
    func malformed() throws {
        let xml = "<rss><channel><title>t</title>\n<item><title>ok</title></item>\n<item><title>bad</item>\n</channel></rss>"
        let feed = try FeedParser.parse(Data(xml.utf8))
        #expect(feed.items.map(\.title) == ["ok"])
        #expect(feed.recovery == FeedRecovery(itemsRecovered: 1, itemsLost: 1,
                                              problem: "parse error at line 3: closing tag does not match the open element"))
    }

    @Test("Bytes that are not UTF-8, even inside attribute names, never crash the parser: detected, or repaired to U+FFFD")
    func invalidUTF8() throws {
        // Given an Atom feed with a stray byte inside an attribute name and inside its title
        var data = Data("<feed xmlns=\"http://www.w3.org/2005/Atom\" x".utf8)
        data.append(0xD8)
        data.append(contentsOf: Data("y=\"1\"><title>Caf".utf8))
        data.append(0xE9)
        data.append(contentsOf: Data(" Desk</title></feed>".utf8))
        // When it is parsed, then the bytes are read as the windows-1252 they look like
        #expect(try FeedParser.parse(data).title == "Café Desk")
        // And behind a UTF-8 byte-order mark, which settles the encoding, they read as replacement characters
        #expect(try FeedParser.parse(Data([0xEF, 0xBB, 0xBF]) + data).title == "Caf\u{FFFD} Desk")
    }

    @Test("Feeds in UTF-16 and in Windows-1252 are transcoded and read")
    func otherEncodings() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<rss><channel><title>Łódź “desk”</title></channel></rss>"
        var utf16 = Data([0xFF, 0xFE])
        for unit in xml.utf16 { utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        #expect(try FeedParser.parse(utf16).title == "Łódź “desk”")
        // 0x93 and 0x94 are curly quotes in Windows-1252, the encoding ISO-8859-1 labels usually mean.
        var cp1252 = Data("<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss><channel><title>".utf8)
        cp1252.append(contentsOf: [0x93, 0x41, 0x94])
        cp1252.append(contentsOf: Data("</title></channel></rss>".utf8))
        #expect(try FeedParser.parse(cp1252).title == "“A”")
    }

    @Test("A feed in a legacy encoding is transcoded, and one naming an unknown encoding is still read safely")
    func legacyEncodings() throws {
        // Given a KOI8-R feed ("Мир" is ED C9 D2) and a feed whose declared encoding does not exist
        var koi8 = Data("<?xml version=\"1.0\" encoding=\"KOI8-R\"?><rss><channel><title>".utf8)
        koi8.append(contentsOf: [0xED, 0xC9, 0xD2])
        koi8.append(contentsOf: Data("</title></channel></rss>".utf8))
        var bogus = Data("<?xml version=\"1.0\" encoding=\"x-bogus\"?><rss><channel><title>".utf8)
        bogus.append(contentsOf: [0x78, 0xF0])
        bogus.append(contentsOf: Data("</title><item a".utf8))
        bogus.append(0xFD)
        bogus.append(contentsOf: Data("=\"b\"><title>y</title></item></channel></rss>".utf8))
        // When they are parsed, then the first reads correctly and the second as the windows-1252 it looks like
        #expect(try FeedParser.parse(koi8).title == "Мир")
        let guessed = try FeedParser.parse(bogus)
        #expect(guessed.title == "xð")
        #expect(guessed.encodingFallback == "windows-1252")
    }

    @Test("Control characters XML forbids, raw or as references, are kept in the text rather than failing the feed")
    func controlCharacters() throws {
        // Given a title with a raw escape sequence and a description with a referenced escape and a bell
        let xml = "<rss><channel><title>red\u{1B}[31m alert</title><item><title>x&#27;y&#x7;</title>"
            + "<description>&lt;p&gt;a\u{1B}b&lt;/p&gt;</description></item></channel></rss>"
        // When it is parsed
        let feed = try FeedParser.parse(Data(xml.utf8))
        // Then the controls are still there, for the display to neutralise
        #expect(feed.title == "red\u{1B}[31m alert")
        #expect(feed.items.first?.title == "x\u{1B}y\u{07}")
        #expect(feed.items.first?.articleText == "x\u{1B}y\u{07}\n\na\u{1B}b\n")
    }

    @Test("Processing instructions without data, which crash Foundation's parser, are dropped (fuzz finding)")
    func processingInstructionWithoutData() throws {
        // Given the three inputs the fuzzer found (RSS, Atom, OPML), each with a `<?name?>` instruction
        let rss = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><?brief-note?><title>Crash check</title></channel></rss>\n"
        let atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><?marker?><title>Crash check</title></feed>\n"
        let opml = "<opml version=\"2.0\"><head><?marker?><title>Crash check</title></head><body/></opml>\n"
        // When they are parsed, then they read normally
        #expect(try FeedParser.parse(Data(rss.utf8)).title == "Crash check")
        #expect(try FeedParser.parse(Data(atom.utf8)).title == "Crash check")
        #expect(try OPMLDocument.parse(Data(opml.utf8)).title == "Crash check")
        // And an instruction inside CDATA is text, kept as written
        let cdata = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title><![CDATA[a <?x?> & b]]></title></feed>"
        #expect(try FeedParser.parse(Data(cdata.utf8)).title == "a <?x?> & b")
    }

    @Test("A truncated feed keeps its complete items and says it was cut, rather than passing for a whole one")
    func truncated() throws {
        let xml = "<rss><channel><title>t</title><item><title>ok</title></item><item><title>cut"
        let feed = try FeedParser.parse(Data(xml.utf8))
        #expect(feed.items.map(\.title) == ["ok"])
        #expect(feed.recovery?.itemsLost == 1)
    }

    @Test("An HTML page is not a feed, and the error says what it looks like")
    func htmlPage() {
        let html = "<!DOCTYPE html><html><head><title>Home</title></head><body>hi</body></html>"
        #expect(throws: FeedParseError.notAFeed(found: "an HTML page")) { try FeedParser.parse(Data(html.utf8)) }
        #expect(FeedParseError.notAFeed(found: "an HTML page").description == "not a feed (an HTML page)")
    }
}
