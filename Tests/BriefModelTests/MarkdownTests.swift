import Foundation
import Testing
import BriefModel

@Suite("Parsing Markdown briefings")
struct MarkdownTests {
    @Test("lists, links, emphasis, code, images, blockquotes and rules become plain reading text")
    func markdownBody() {
        // Given a Markdown briefing using most inline and block markup
        let story = parseStory("""
        # Harbour *deal* reached

        VALMORE (Reuters) - The **harbour** deal was _signed_ at [the town hall](https://example.test/hall "Hall").

        ![crowd at the quay](https://example.test/quay.jpg)

        ## Key points

        - Fees fall by `10%` from May
        * Night crossings resume
        1. A review follows in __one year__

        ---

        > Residents welcomed the news,
        > the mayor said.

        See [the text][treaty] and <https://example.test/faq>. Keep snake_case_names and 2 * 3 * 4 as they are.

        [treaty]: https://example.test/treaty
        """, .markdown)
        // Then markup is stripped, list items are paragraphs, and the rule and image are gone
        #expect(story.title == "Harbour deal reached")
        #expect(story.dateline == Dateline(places: ["VALMORE"], agency: "Reuters"))
        #expect(story.sections == [
            Section(kind: .lede, paragraphs: [Paragraph(text: "The harbour deal was signed at the town hall.")]),
            Section(kind: .body, title: "Key points", paragraphs: [
                Paragraph(text: "Fees fall by 10% from May"),
                Paragraph(text: "Night crossings resume"),
                Paragraph(text: "A review follows in one year"),
                Paragraph(text: "Residents welcomed the news, the mayor said."),
                Paragraph(text: "See the text and https://example.test/faq. Keep snake_case_names and 2 * 3 * 4 as they are."),
            ]),
        ])
    }

    @Test("without an H1 the first line is the headline")
    func firstLineHeadline() {
        let story = parseStory("**Harbour deal reached**\n\nThe deal was signed.\n", .markdown)
        #expect(story.title == "Harbour deal reached")
        #expect(readingText(story) == ["The deal was signed."])
    }

    @Test("setext headings are headings")
    func setext() {
        let story = parseStory("Harbour deal\n============\n\nThe deal was signed.\n\nDetails\n-------\n\nFees fall.\n", .markdown)
        #expect(story.title == "Harbour deal")
        #expect(story.sections.map(\.title) == [nil, "Details"])
    }

    @Test("unmatched emphasis markers are kept as written")
    func unmatchedMarkers() {
        let story = parseStory("# T\n\nPrices rose *sharply, and _then fell.\n", .markdown)
        #expect(readingText(story) == ["Prices rose *sharply, and _then fell."])
    }

    @Test("front matter gives the date, the source and the headline")
    func frontMatter() throws {
        let parsed = ArticleParser.parse("""
        ---
        title: "Harbour deal reached"
        date: 2026-03-05T14:30:00+01:00
        source: Valmore Gazette
        tags: [ports]
        ---
        # Harbour deal reached

        The deal was signed.
        """, format: .markdown)
        #expect(parsed.story.title == "Harbour deal reached")
        #expect(parsed.source == "Valmore Gazette")
        #expect(parsed.published == Date(timeIntervalSince1970: 1_772_717_400))
        #expect(readingText(parsed.story) == ["The deal was signed."])
    }

    @Test("a bracket inside a code span does not break later links")
    func codeSpanBracket() {
        let story = parseStory("# T\n\nRun [the `a]` tool](https://e.test) then read [the guide](https://e.test/g).\n", .markdown)
        #expect(readingText(story) == ["Run [the a] tool](https://e.test) then read the guide."])
    }
}
