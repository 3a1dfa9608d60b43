@testable import BriefFeeds
import Foundation
import Testing

/// `FeedResponse` reads the media type and charset out of `Content-Type` itself (the feed fetcher no longer has
/// URLSession's response to do it).
@Suite("A feed response's Content-Type")
struct FeedResponseTests {
    private func response(_ contentType: String?) -> FeedResponse {
        FeedResponse(url: URL(string: "https://desk.example/feed")!, status: 200,
                     headers: contentType.map { ["content-type": $0] } ?? [:])
    }

    @Test("The media type is lower-cased without its parameters; the charset is unquoted, whatever the case and spacing")
    func typeAndCharset() {
        let plain = response("Application/RSS+XML; Charset=\"KOI8-R\"")
        #expect(plain.mimeType == "application/rss+xml")
        #expect(plain.textEncodingName == "KOI8-R")
        let later = response("text/xml ;format=flowed;  charset = windows-1251 ")
        #expect(later.mimeType == "text/xml")
        #expect(later.textEncodingName == "windows-1251")
        #expect(response("text/html").textEncodingName == nil)
        #expect(response("text/html; charset=").textEncodingName == nil)
    }

    @Test("No Content-Type, or an empty one, names neither")
    func none() {
        #expect(response(nil).mimeType == nil)
        #expect(response(nil).textEncodingName == nil)
        #expect(response("").mimeType == nil)
        #expect(response("; charset=utf-8").mimeType == nil)
    }
}
