import Foundation

/// The fixture feeds of the forms issue 14 lists, one or more per class, written in our own words (invented
/// officials, real places).
enum FeedFormFixtures {
    static let all: [FeedFormFixture] = [
        atom03, bareAtom, undeclaredWindows1252, c1References, utf16WithoutMark, namespaceClash, xmlBase,
        permalinkGUID, contentForms, rawMarkup, dublinCore, truncated, undefinedEntity,
    ]

    /// Atom 0.3: `issued`, escaped content, `mode="base64"` content.
    static let atom03 = FeedFormFixture(name: "atom03.xml", body: Data("""
        <?xml version="1.0" encoding="utf-8"?>
        <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old Atom Desk</title>
        <entry><title>Envoys return from Geneva</title>
        <link rel="alternate" type="text/html" href="https://old.example/envoys"/>
        <id>tag:old.example,2025:envoys</id><issued>2025-06-03T12:05:00Z</issued>
        <content type="text/html" mode="escaped">&lt;p&gt;The envoys flew back on Friday evening.&lt;/p&gt;</content></entry>
        <entry><title>Harbour dues frozen</title><link rel="alternate" type="text/html" href="https://old.example/dues"/>
        <id>tag:old.example,2025:dues</id><modified>2025-06-04T08:00:00+02:00</modified>
        <content type="text/html" mode="base64">\(Data("<p>The port authority froze its dues for a year.</p>".utf8).base64EncodedString())</content></entry>
        </feed>
        """.utf8), stories: [
            .init(title: "Envoys return from Geneva", text: "The envoys flew back on Friday evening.",
                  link: "https://old.example/envoys", guid: "tag:old.example,2025:envoys",
                  published: "2025-06-03T12:05:00Z"),
            .init(title: "Harbour dues frozen", text: "The port authority froze its dues for a year.",
                  link: "https://old.example/dues", guid: "tag:old.example,2025:dues", published: "2025-06-04T06:00:00Z"),
        ])

    /// Atom 1.0 without its namespace.
    static let bareAtom = FeedFormFixture(name: "bare.atom", body: Data("""
        <feed><title>Bare Desk</title><entry><id>urn:bare:strike</id><title>Port strike ends in Antwerp</title>
        <link href="https://bare.example/strike"/><updated>2025-04-01T08:30:00+02:00</updated>
        <content type="html">&lt;p&gt;Dockers went back to work at dawn.&lt;/p&gt;</content></entry></feed>
        """.utf8), stories: [
            .init(title: "Port strike ends in Antwerp", text: "Dockers went back to work at dawn.",
                  link: "https://bare.example/strike", guid: "urn:bare:strike", published: "2025-04-01T06:30:00Z"),
        ])

    /// windows-1252 bytes with no charset anywhere; an RFC 822 date without seconds in a named US zone.
    static let undeclaredWindows1252: FeedFormFixture = {
        var body = Data("<rss version=\"2.0\"><channel><title>Latin Desk</title><item><title>".utf8)
        body.append(contentsOf: [0x93] + Array("Caf".utf8) + [0xE9, 0x94] + Array(" diplomacy in Li".utf8) + [0xE8]
                    + Array("ge".utf8))
        body.append(contentsOf: "</title><link>https://latin.example/cafe</link><guid isPermaLink=\"false\">latin-7</guid>".utf8)
        body.append(contentsOf: "<pubDate>Sun, 6 Jul 2025 14:00 EST</pubDate><description>The mayor of Li".utf8)
        body.append(contentsOf: [0xE8] + Array("ge met the consuls.".utf8))
        body.append(contentsOf: "</description></item></channel></rss>".utf8)
        return FeedFormFixture(name: "latin.rss", body: body, contentType: "application/rss+xml", stories: [
            .init(title: "“Café” diplomacy in Liège", text: "The mayor of Liège met the consuls.",
                  link: "https://latin.example/cafe", guid: "latin-7", published: "2025-07-06T19:00:00Z"),
        ], note: "read as windows-1252 (guessed)")
    }()

    /// Numeric references into the C1 range, which browsers read as windows-1252; a two-digit year.
    static let c1References = FeedFormFixture(name: "c1.xml", body: Data("""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Budget Desk</title><item>
        <title>Budget vote &#150; &#147;final&#148; round</title><link>https://budget.example/vote</link>
        <guid isPermaLink="false">budget-vote</guid><pubDate>06 Jul 25 09:30:00 GMT</pubDate>
        <description>The council set aside &#128;5 million for repairs.</description></item></channel></rss>
        """.utf8), stories: [
            .init(title: "Budget vote – “final” round", text: "The council set aside €5 million for repairs.",
                  link: "https://budget.example/vote", guid: "budget-vote", published: "2025-07-06T09:30:00Z"),
        ])

    /// UTF-16 (little-endian) without a byte-order mark, served with no charset; a date without a time.
    static let utf16WithoutMark = FeedFormFixture(name: "wide.xml", body: Data("""
        <?xml version="1.0" encoding="UTF-16"?>
        <rss version="2.0"><channel><title>Wide Desk</title><item><title>Zürich summit closes</title>
        <link>https://wide.example/zurich</link><guid isPermaLink="false">wide-1</guid><pubDate>2025-02-10</pubDate>
        <description>Delegates left Zürich with a shared statement.</description></item></channel></rss>
        """.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), stories: [
            .init(title: "Zürich summit closes", text: "Delegates left Zürich with a shared statement.",
                  link: "https://wide.example/zurich", guid: "wide-1", published: "2025-02-10T00:00:00Z"),
        ])

    /// Extension elements sharing a core element's local name, and an image's link inside the item; a French date.
    static let namespaceClash = FeedFormFixture(name: "clash.rss", body: Data("""
        <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:x="https://ext.example/ns">
        <channel><title>Clash Desk</title><item><title>Grain deal extended to autumn</title>
        <link>https://clash.example/grain</link><x:link>https://wrong.example/ext</x:link>
        <media:content url="https://clash.example/photo.jpg"><media:title>Photo: silos at Odesa</media:title>
        <media:description>A caption that is not the story.</media:description></media:content>
        <image><url>https://clash.example/logo.png</url><link>https://wrong.example/image</link><title>Logo</title></image>
        <x:title>Extension title</x:title><guid isPermaLink="false">clash-1</guid>
        <pubDate>mar., 03 juin 2025 14:05:00 +0200</pubDate>
        <description>Ministers in Ankara agreed to extend the grain deal.</description><x:description>Wrong text</x:description>
        </item></channel></rss>
        """.utf8), stories: [
            .init(title: "Grain deal extended to autumn", text: "Ministers in Ankara agreed to extend the grain deal.",
                  link: "https://clash.example/grain", guid: "clash-1", published: "2025-06-03T12:05:00Z"),
        ])

    /// `xml:base` on the feed and, relative to it, on the entry; an invalid date gives no date.
    static let xmlBase = FeedFormFixture(name: "base.atom", body: Data("""
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://base.example/world/"><title>Base Desk</title>
        <entry xml:base="europe/"><id>urn:base:talks</id><title>Border talks in Vienna</title>
        <link rel="alternate" href="talks.html"/><updated>Tue, 31 Jun 2025 12:00:00 GMT</updated>
        <summary>Negotiators met in Vienna for a third day.</summary></entry></feed>
        """.utf8), stories: [
            .init(title: "Border talks in Vienna", text: "Negotiators met in Vienna for a third day.",
                  link: "https://base.example/world/europe/talks.html", guid: "urn:base:talks", published: nil),
        ])

    /// A permalink guid and no link: the guid is the link (and, being just the link, no separate id).
    static let permalinkGUID = FeedFormFixture(name: "perma.xml", body: Data("""
        <rss version="2.0"><channel><title>Perma Desk</title><item><title>Lighthouse keepers honoured</title>
        <guid>https://perma.example/2025/keepers</guid><pubDate>Tue, 03 Jun 2025 12:05:00 +0000 (UTC)</pubDate>
        <description>The keepers of Fastnet were honoured in Cork.</description></item></channel></rss>
        """.utf8), stories: [
            .init(title: "Lighthouse keepers honoured", text: "The keepers of Fastnet were honoured in Cork.",
                  link: "https://perma.example/2025/keepers", guid: nil, published: "2025-06-03T12:05:00Z"),
        ])

    /// Atom `xhtml` content, RSS markup written directly in `description`, and an XHTML `body` extension.
    static let contentForms = FeedFormFixture(name: "forms.xml", body: Data("""
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Forms Desk</title>
        <entry><id>urn:forms:xhtml</id><title>Treaty text published</title><link href="https://forms.example/treaty"/>
        <updated>2025-05-05T10:00:00Z</updated>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The ministry <b>published</b> the treaty text.</p></div></content>
        </entry></feed>
        """.utf8), stories: [
            .init(title: "Treaty text published", text: "The ministry published the treaty text.",
                  link: "https://forms.example/treaty", guid: "urn:forms:xhtml", published: "2025-05-05T10:00:00Z"),
        ])

    /// Markup written directly inside RSS `description` (not escaped), and an escaped tag never closed.
    static let rawMarkup = FeedFormFixture(name: "raw.rss", body: Data("""
        <rss version="2.0"><channel><title>Raw Desk</title>
        <item><title>Bridge reopens in Mostar</title><link>https://raw.example/bridge</link><guid>raw-1</guid>
        <pubDate>Thu, 05 Jun 2025 16:45:00 +0200</pubDate>
        <description><p>The mayor <b>opened</b> the old bridge to traffic.</p><p>Crowds lined the river.</p></description></item>
        <item><title>Ferry timetable changes</title><link>https://raw.example/ferry</link><guid>raw-2</guid>
        <pubDate>Thu, 05 Jun 2025 17:00:00 +0200</pubDate>
        <description>&lt;p&gt;From Monday &lt;b&gt;the early ferry leaves later.&lt;/p&gt;&lt;p&gt;The last one is unchanged.&lt;/p&gt;</description></item>
        </channel></rss>
        """.utf8), stories: [
            .init(title: "Bridge reopens in Mostar", text: "Crowds lined the river.", link: "https://raw.example/bridge",
                  guid: "raw-1", published: "2025-06-05T14:45:00Z"),
            .init(title: "Ferry timetable changes", text: "The last one is unchanged.", link: "https://raw.example/ferry",
                  guid: "raw-2", published: "2025-06-05T15:00:00Z"),
        ])

    /// Dublin Core title and date in RSS 1.0, and DC terms in RSS 2.0.
    static let dublinCore = FeedFormFixture(name: "dc.rdf", body: Data("""
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
          xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xhtml="http://www.w3.org/1999/xhtml">
        <channel rdf:about="https://dc.example/"><title>DC Desk</title><link>https://dc.example/</link></channel>
        <item rdf:about="https://dc.example/fish"><dc:title>Fisheries accord signed in Reykjavik</dc:title>
        <link>https://dc.example/fish</link><dc:date>2025-03-14T09:15:00+01:00</dc:date>
        <xhtml:body><xhtml:p>Iceland and Norway signed the fisheries accord.</xhtml:p></xhtml:body></item>
        </rdf:RDF>
        """.utf8), stories: [
            .init(title: "Fisheries accord signed in Reykjavik", text: "Iceland and Norway signed the fisheries accord.",
                  link: "https://dc.example/fish", guid: nil, published: "2025-03-14T08:15:00Z"),
        ])

    /// A feed cut short: the complete item is kept.
    static let truncated = FeedFormFixture(name: "cut.xml", body: Data("""
        <rss version="2.0"><channel><title>Cut Desk</title>
        <item><title>Talks resume in Oslo</title><link>https://cut.example/oslo</link><guid>cut-1</guid>
        <pubDate>Mon, 02 Jun 2025 07:00:00 GMT</pubDate><description>Both delegations came back.</description></item>
        <item><title>Second round planned
        """.utf8), stories: [
            .init(title: "Talks resume in Oslo", text: "Both delegations came back.", link: "https://cut.example/oslo",
                  guid: "cut-1", published: "2025-06-02T07:00:00Z"),
        ], note: "recovered 1 item from a malformed feed")

    /// An entity XML does not define (HTML's `&eacute;`): the feed is read, not refused.
    static let undefinedEntity = FeedFormFixture(name: "entity.xml", body: Data("""
        <rss version="2.0"><channel><title>Entity Desk</title>
        <item><title>R&eacute;sum&eacute; of the Lisbon talks</title><link>https://entity.example/lisbon</link>
        <guid isPermaLink="false">entity-1</guid><pubDate>Mon, 02 Jun 2025 07:00:00 GMT</pubDate>
        <description>Delegates from Lisbon and Madrid&nbsp;agreed on a timetable.</description></item></channel></rss>
        """.utf8), stories: [
            .init(title: "Résumé of the Lisbon talks", text: "Delegates from Lisbon and Madrid",
                  link: "https://entity.example/lisbon", guid: "entity-1", published: "2025-06-02T07:00:00Z"),
        ])
}
