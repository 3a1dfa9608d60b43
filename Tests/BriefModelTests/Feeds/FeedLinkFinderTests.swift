import Foundation
import Testing
import BriefModel

@Suite("Finding the feeds a web page links to")
struct FeedLinkFinderTests {
    static let page = URL(string: "https://ports.example/news/today.html")!

    static func links(_ html: String) -> [FeedLink] {
        FeedLinkFinder.links(in: Array(html.utf8), pageURL: page)
    }

    @Test("Alternate links of feed types are found in order, resolved against the page and its <base>, once each")
    func found() {
        let html = """
            <html><head><title><link rel="alternate" type="application/rss+xml" href="/in-title.xml"></title>
            <link rel=alternate type=application/rss+xml href=feed.xml title="Port &amp; harbour news">
            <base href="https://cdn.ports.example/feeds/">
            <link type="application/atom+xml; charset=utf-8" href="speeches.atom" rel="ALTERNATE home">
            <link rel="alternate" type="application/feed+json" href="https://json.example/f.json" title="  ">
            <link rel="alternate" type="application/rss+xml" href="speeches.atom">
            </head></html>
            """
        #expect(Self.links(html) == [
            FeedLink(url: "https://ports.example/news/feed.xml", title: "Port & harbour news", type: "rss"),
            FeedLink(url: "https://cdn.ports.example/feeds/speeches.atom", type: "atom"),
            FeedLink(url: "https://json.example/f.json", type: "json"),
        ])
    }

    @Test("Links no browser would offer as feeds are left out", arguments: [
        "<!-- <link rel=\"alternate\" type=\"application/rss+xml\" href=\"/c.xml\"> -->",
        "<script>document.write('<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/s.xml\">')</script>",
        "<link rel=\"alternate\" type=\"text/html\" href=\"/fr/\">",
        "<link rel=\"stylesheet alternate\" type=\"application/rss+xml\" href=\"/x.xml\">",
        "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"javascript:alert(1)\">",
        "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"\">",
        "<link rel=\"icon\" type=\"application/rss+xml\" href=\"/i.xml\">",
        "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/cut.xml",
    ])
    func leftOut(_ html: String) {
        #expect(Self.links(html).isEmpty)
    }

    @Test("A page of many links keeps the first fifty")
    func limit() {
        let html = (0..<500).map { "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/f\($0).xml\">" }.joined()
        let found = Self.links(html)
        #expect(found.count == FeedLinkFinder.limit)
        #expect(found.first?.url == "https://ports.example/f0.xml")
    }
}
