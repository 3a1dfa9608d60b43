import Foundation
import Testing
import BriefModel

@Suite("Reading JSON Feed")
struct JSONFeedParsingTests {
    @Test("A JSON Feed 1.1 item gives id, link, title, date, author and html content")
    func jsonFeed11() throws {
        // Given a JSON Feed 1.1 document with authors, html content and a numeric id on the second item
        let json = """
        {"version": "https://jsonfeed.org/version/1.1", "title": "Steppe Letter",
         "home_page_url": "https://steppe.example/",
         "items": [
           {"id": "s-1", "url": "https://steppe.example/1", "title": "Pipeline  deal signed",
            "content_html": "<p>Both sides signed.</p><p>Gas flows in May.</p>",
            "summary": "Signed.", "date_published": "2025-06-03T14:05:00+02:00",
            "authors": [{"name": "Mira Dost"}]},
           {"id": 2, "content_text": "First line\\nsecond line\\n\\nNew paragraph", "title": "Text only"}
         ]}
        """
        // When it is parsed
        let feed = try FeedParser.parse(Data(json.utf8))
        // Then both items are read, the second with plain-text content
        #expect(feed.kind == .json)
        #expect(feed.title == "Steppe Letter")
        #expect(feed.link == "https://steppe.example/")
        #expect(feed.items.count == 2)
        let first = feed.items[0]
        #expect(first.id == "s-1")
        #expect(first.title == "Pipeline deal signed")
        #expect(first.author == "Mira Dost")
        #expect(first.published == Date(timeIntervalSince1970: 1_748_952_300))
        #expect(first.summary == .text("Signed."))
        #expect(first.bodyBlocks.map(\.text) == ["Both sides signed.", "Gas flows in May."])
        #expect(feed.items[1].id == "2")
        #expect(feed.items[1].bodyBlocks.map(\.text) == ["First line\nsecond line", "New paragraph"])
    }

    @Test("A JSON Feed whose only item has the wrong shape fails with a message naming the field")
    func jsonFeedWithWrongType() {
        let json = #"{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": [{"id": "a", "title": 5}]}"#
        #expect(throws: FeedParseError.self) { try FeedParser.parse(Data(json.utf8)) }
        do {
            _ = try FeedParser.parse(Data(json.utf8))
        } catch {
            #expect(error.description.hasPrefix("1 item, none readable: items[0].title"))
        }
    }
}
