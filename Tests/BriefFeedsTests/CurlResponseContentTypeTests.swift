@testable import BriefHTTP
import Foundation
import Testing

/// `CurlResponse` reads the media type and charset out of `Content-Type` itself, for the feed fetcher (which ranks
/// the charset above a feed's own declaration) and the sync clients (which want JSON).
@Suite("An HTTP answer's Content-Type")
struct CurlResponseContentTypeTests {
    private func response(_ contentType: String?) -> CurlResponse {
        CurlResponse(ending: .complete, status: 200, headers: contentType.map { ["content-type": $0] } ?? [:],
                     statuses: [200], finalURL: "https://desk.example/feed", body: Data(), message: nil)
    }

    @Test("The media type is lower-cased without its parameters; the charset is unquoted, whatever the case and spacing")
    func typeAndCharset() {
        let plain = response("Application/RSS+XML; Charset=\"KOI8-R\"")
        #expect(plain.mediaType == "application/rss+xml")
        #expect(plain.charset == "KOI8-R")
        let later = response("text/xml ;format=flowed;  charset = windows-1251 ")
        #expect(later.mediaType == "text/xml")
        #expect(later.charset == "windows-1251")
        #expect(response("text/html").charset == nil)
        #expect(response("text/html; charset=").charset == nil)
    }

    @Test("No Content-Type, or an empty one, names neither")
    func none() {
        #expect(response(nil).mediaType == nil)
        #expect(response(nil).charset == nil)
        #expect(response("").mediaType == nil)
        #expect(response("; charset=utf-8").mediaType == nil)
    }
}
