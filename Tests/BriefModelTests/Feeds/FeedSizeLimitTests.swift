import BriefModel
import Foundation
import Testing

@Suite("Feed size limit")
struct FeedSizeLimitTests {
    @Test("A body over the limit is refused with a message giving both sizes, before any parsing")
    func oversizedBodyIsRefused() {
        // Given an RSS body one byte over the limit
        let head = Data("<rss version=\"2.0\"><channel><title>Desk</title>".utf8)
        var body = head
        body.append(Data(repeating: 0x20, count: FeedParser.maxBytes + 1 - head.count))
        // When it is parsed, then it is refused as too large, saying so on one line
        #expect(throws: FeedParseError.tooLarge(bytes: FeedParser.maxBytes + 1, limit: FeedParser.maxBytes)) {
            try FeedParser.parse(body)
        }
        #expect(FeedParseError.tooLarge(bytes: 11, limit: 10).description
                == "feed is too large: 11 bytes, the limit is 10 bytes")
    }

    @Test("A feed just under the limit is still read")
    func bodyUnderTheLimitIsRead() throws {
        let rss = "<rss version=\"2.0\"><channel><title>Desk</title><item><title>Envoys meet</title>"
            + "<guid>a-1</guid></item></channel></rss>"
        var body = Data(rss.utf8)
        body.append(Data(repeating: 0x0A, count: 1000))
        let document = try FeedParser.parse(body)
        #expect(document.items.map(\.title) == ["Envoys meet"])
    }
}
