import Testing
import BriefModel

@Suite("Grouping body paragraphs under headings")
struct HeadingTests {
    @Test("an ALL-CAPS line standing alone starts a titled body section")
    func allCapsHeading() {
        let story = parseStory("""
        River treaty signed

        Two states signed the river treaty.

        Early paragraph before any heading.

        WHAT THE TREATY SAYS

        Water is shared by season.

        It runs for ten years.
        """)
        #expect(story.sections == [
            Section(kind: .lede, paragraphs: [Paragraph(text: "Two states signed the river treaty.")]),
            Section(kind: .body, title: nil, paragraphs: [Paragraph(text: "Early paragraph before any heading.")]),
            Section(kind: .body, title: "WHAT THE TREATY SAYS", paragraphs: [
                Paragraph(text: "Water is shared by season."), Paragraph(text: "It runs for ten years."),
            ]),
        ])
    }

    @Test("a short line ending with a colon that stands alone is a heading")
    func colonHeading() {
        let story = parseStory("River treaty signed\n\nThe treaty was signed.\n\nWhat happens next:\n\nA joint commission meets in May.\n")
        #expect(story.sections.last == Section(kind: .body, title: "What happens next",
                                               paragraphs: [Paragraph(text: "A joint commission meets in May.")]))
    }

    @Test("a colon line introducing speech is not a heading")
    func colonBeforeQuote() {
        let story = parseStory("River treaty signed\n\nThe treaty was signed.\n\nThe envoy told reporters:\n\n“It is a fair deal.”\n")
        #expect(story.sections.allSatisfy { $0.title == nil })
        #expect(readingText(story) == ["The treaty was signed.", "The envoy told reporters:", "“It is a fair deal.”"])
    }

    @Test("ALL-CAPS words inside a sentence or a line ending with a period are not headings")
    func notHeadings() {
        let story = parseStory("River treaty signed\n\nThe treaty was signed.\n\nNATO AND THE EU WELCOMED IT.\n\nUN monitors will check.\n")
        #expect(story.sections.allSatisfy { $0.title == nil })
    }

    @Test("Markdown ## and ### headings start titled sections, H1 is the headline")
    func markdownHeadings() {
        let story = parseStory("""
        # River treaty signed

        The treaty was signed.

        ## Background

        Talks began in spring.

        ### The vote

        Parliament voted twice.
        """, .markdown)
        #expect(story.title == "River treaty signed")
        #expect(story.sections == [
            Section(kind: .lede, paragraphs: [Paragraph(text: "The treaty was signed.")]),
            Section(kind: .body, title: "Background", paragraphs: [Paragraph(text: "Talks began in spring.")]),
            Section(kind: .body, title: "The vote", paragraphs: [Paragraph(text: "Parliament voted twice.")]),
        ])
    }

    @Test("a colon line inside wrapped prose is not split out as a heading")
    func colonInsideWrappedProse() {
        let story = parseStory("""
        River treaty signed

        After months of talks over the shared river, the envoy said the
        upstream state listed three demands:
        more water in summer, a joint survey and a new dam inspection
        regime agreed by both parliaments.
        """)
        #expect(story.sections.allSatisfy { $0.title == nil })
        #expect(readingText(story).first?.hasSuffix("the upstream state listed three demands:") == true)
    }

    @Test("a colon heading inside a run of lines starts its own section")
    func colonHeadingInRun() {
        let story = parseStory("River treaty signed\n\nThe treaty was signed.\n\nNext steps:\nA commission meets in May.\n")
        #expect(story.sections.last == Section(kind: .body, title: "Next steps",
                                               paragraphs: [Paragraph(text: "A commission meets in May.")]))
    }
}
