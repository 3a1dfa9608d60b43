import BriefFeeds
import BriefModel
import BriefTestServer
import Foundation
import Testing

/// The charset a server names in `Content-Type` reaches the feed parser, which ranks it above the XML declaration.
@Suite("Fetching feeds: the transport charset")
struct FeedFetcherCharsetTests {
    @Test("A KOI8-R body served with charset=koi8-r but declaring windows-1251 reads in KOI8-R, as browsers read it")
    func transportCharsetWins() async throws {
        // Given a Russian headline ("Мир", peace) in KOI8-R, in a document whose declaration wrongly says windows-1251
        var body = Data("<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><channel><title>Desk</title><item><title>".utf8)
        body.append(contentsOf: [0xED, 0xC9, 0xD2])
        body.append(contentsOf: "</title><link>https://ru.example/1</link></item></channel></rss>".utf8)
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/ru", TestHTTPServer.Response(status: 200, headers: [("Content-Type", "application/rss+xml; charset=koi8-r")],
                                                    body: body))
        // When it is fetched
        let result = await FeedFetcher(options: FeedFetcherTests.options).fetch(FeedRequest(url: server.url("/ru")))
        // Then the headline reads as the server said, and no guess was needed
        let document = try #require(result.fetched?.document)
        #expect(document.items.first?.title == "Мир")
        #expect(document.encodingFallback == nil)
    }
}
