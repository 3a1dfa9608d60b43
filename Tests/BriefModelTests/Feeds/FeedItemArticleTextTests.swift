import Foundation
import Testing
@testable import BriefModel

@Suite("Feed items as article text")
struct FeedItemArticleTextTests {
    @Test("The article text is the headline, a blank line, then headings and paragraphs separated by blank lines")
    func layout() {
        // Given an item with HTML content whose first heading repeats the headline
        let item = FeedItem(id: "1", title: "Port strike ends",
                            content: .html("<h1>Port strike ends</h1><p>Dockers voted.</p><h2>What next</h2><p>Cranes restart.</p>"))
        // Then its article text is laid out for the sectioner, without the repeated headline
        #expect(item.articleText == "Port strike ends\n\nDockers voted.\n\nWhat next:\n\nCranes restart.\n")
    }

    @Test("The sectioner reads the article text back as the headline, a lede, and a section under the heading")
    func sectionerReadsArticleText() {
        // Given a feed item with a heading in its HTML
        let item = FeedItem(id: "1", title: "Port strike ends",
                            content: .html("<p>Dockers voted to return on Monday.</p><h2>What comes next</h2>"
                                           + "<p>Cranes restart at dawn.</p><p>Ships wait offshore.</p>"))
        // When its article text goes through the article parser
        let story = ArticleParser.parse(item.articleText, format: .article).story
        // Then the headline, the heading and every paragraph come through
        #expect(story.title == "Port strike ends")
        #expect(story.sections.contains { $0.title == "What comes next" })
        let paragraphs = story.sections.flatMap(\.paragraphs).map(\.text)
        #expect(paragraphs == ["Dockers voted to return on Monday.", "Cranes restart at dawn.", "Ships wait offshore."])
    }

    @Test("An item without content uses its summary, and one without a title is headed by its link")
    func fallbacks() {
        let item = FeedItem(id: "2", link: "https://n.example/2", title: "", summary: .html("Only a <i>teaser</i>."))
        #expect(item.articleText == "https://n.example/2\n\nOnly a teaser.\n")
        #expect(FeedItem(id: "3", title: "").articleText == "Untitled\n")
    }

    @Test("A headline or heading on one line is what replacing line breaks and trimming gives, fast path or not")
    func oneLine() {
        let texts = ["Talks resume", "", " ", "  Talks\nresume\t", "\nTalks", "Talks\n", "\u{00A0}Talks in Zürich",
                     "Talks\u{3000}", "Ève speaks", "Talks end in Tromsø", "\tTalks", "Talks\r\nresume", "“Quoted”"]
        for text in texts {
            #expect(FeedItem.oneLine(text, trimmed: true)
                    == text.replacing("\n", with: " ").trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(FeedItem.oneLine(text, trimmed: false) == text.replacing("\n", with: " "), "\(text.debugDescription)")
        }
        // And a headline broken over lines is headed as one line
        #expect(FeedItem(id: "4", title: " Port strike\nends ").articleText == "Port strike ends\n")
    }
}
