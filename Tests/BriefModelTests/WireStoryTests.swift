import Testing
import BriefModel

@Suite("A wire story end to end")
struct WireStoryTests {
    /// Invented events, written for this test in the shape of an aggregator's copy of a wire story.
    static let text = """
    Lakeland and Varossa agree to reopen mountain border crossings

    VALMORE/ISTRAN (Reuters) – Foreign ministers from Lakeland and Varossa agreed on Thursday to reopen two mountain border crossings closed since last winter, a first step toward easing a dispute that has unsettled the region.

    Slideshow ( 3 images )

    The agreement, reached after two days of talks in the lakeside town of Valmore, would let freight lorries cross again from next month.

    Relations soured in February when Varossa’s president called a Lakeland hydropower project a “provocation”, and both sides recalled their ambassadors.

    “We are not here to settle every quarrel at once, we are here to get trucks moving,” said a senior Lakeland diplomat.

    Varossa’s foreign minister, Irena Dalsky, told reporters: “The crossings are a test of good faith.”

    “Nobody expects miracles,” Dalsky said. “But nobody expected this meeting either.”

    Reporting by Tomas Reyes in Valmore; Editing by Helen Marsh

    Source: Read Full Article
    """

    @Test("the story splits into headline, dateline, lede, body, credits and attributed quotes")
    func endToEnd() {
        let parsed = ArticleParser.parse(Self.text, format: .article)
        #expect(parsed.published == nil)
        #expect(parsed.source == nil)
        let story = parsed.story
        #expect(story.title == "Lakeland and Varossa agree to reopen mountain border crossings")
        #expect(story.dateline == Dateline(places: ["VALMORE", "ISTRAN"], agency: "Reuters"))
        #expect(story.sections == [
            Section(kind: .lede, paragraphs: [Paragraph(text: "Foreign ministers from Lakeland and Varossa agreed on Thursday to reopen two mountain border crossings closed since last winter, a first step toward easing a dispute that has unsettled the region.")]),
            Section(kind: .body, paragraphs: [
                Paragraph(text: "The agreement, reached after two days of talks in the lakeside town of Valmore, would let freight lorries cross again from next month."),
                Paragraph(text: "Relations soured in February when Varossa’s president called a Lakeland hydropower project a “provocation”, and both sides recalled their ambassadors."),
                Paragraph(text: "“We are not here to settle every quarrel at once, we are here to get trucks moving,” said a senior Lakeland diplomat."),
                Paragraph(text: "Varossa’s foreign minister, Irena Dalsky, told reporters: “The crossings are a test of good faith.”"),
                Paragraph(text: "“Nobody expects miracles,” Dalsky said. “But nobody expected this meeting either.”"),
            ]),
            Section(kind: .credits, paragraphs: [Paragraph(text: "Reporting by Tomas Reyes in Valmore; Editing by Helen Marsh")]),
        ])
        #expect(story.quotes.map { Quote(text: $0.text, speaker: $0.speaker, description: $0.description) } == [
            Quote(text: "provocation", speaker: nil, description: "Varossa’s president"),
            Quote(text: "We are not here to settle every quarrel at once, we are here to get trucks moving",
                  speaker: nil, description: "senior Lakeland diplomat"),
            Quote(text: "The crossings are a test of good faith.", speaker: "Irena Dalsky"),
            Quote(text: "Nobody expects miracles", speaker: "Irena Dalsky"),
            Quote(text: "But nobody expected this meeting either.", speaker: "Irena Dalsky"),
        ])
        #expect(story.entities.isEmpty)
    }
}
