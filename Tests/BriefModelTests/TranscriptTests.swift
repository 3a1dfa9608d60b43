import Testing
import BriefModel

@Suite("Splitting transcripts into speaker turns")
struct TranscriptTests {
    @Test("each labelled paragraph starts a turn; unlabelled paragraphs continue it")
    func turns() {
        // Given a briefing transcript with an introduction, labelled turns and continuation paragraphs
        let story = parseStory("""
        Daily press briefing

        The spokesperson opened the briefing at noon.

        MR. HALVORSEN: Good afternoon. I have two items.

        First, the ferry talks resume on Monday.

        QUESTION: Will the minister attend?

        MR. HALVORSEN: She will. “We expect progress,” she told us.

        Q: Thank you.

        SPOKESPERSON LIN: One more announcement from our side.

        MODERATOR:

        That concludes today’s briefing.
        """)
        // Then the introduction is the lede and each speaker turn is a section titled with the label
        #expect(story.sections == [
            Section(kind: .lede, paragraphs: [Paragraph(text: "The spokesperson opened the briefing at noon.")]),
            Section(kind: .turn, title: "MR. HALVORSEN", paragraphs: [
                Paragraph(text: "Good afternoon. I have two items."),
                Paragraph(text: "First, the ferry talks resume on Monday."),
            ], speaker: "Halvorsen"),
            Section(kind: .turn, title: "QUESTION", paragraphs: [Paragraph(text: "Will the minister attend?")]),
            Section(kind: .turn, title: "MR. HALVORSEN", paragraphs: [
                Paragraph(text: "She will. “We expect progress,” she told us."),
            ], speaker: "Halvorsen"),
            Section(kind: .turn, title: "Q", paragraphs: [Paragraph(text: "Thank you.")]),
            Section(kind: .turn, title: "SPOKESPERSON LIN", paragraphs: [
                Paragraph(text: "One more announcement from our side."),
            ], speaker: "Lin"),
            Section(kind: .turn, title: "MODERATOR", paragraphs: [Paragraph(text: "That concludes today’s briefing.")]),
        ])
    }

    @Test("labels without a period and with MS are recognised as written")
    func labelForms() {
        let story = parseStory("Briefing\n\nMR PRICE: Hello.\n\nMS SMITH: Hi.\n")
        #expect(story.sections.map(\.title) == ["MR PRICE", "MS SMITH"])
        #expect(story.sections.map(\.kind) == [.turn, .turn])
    }

    @Test("a quote inside a turn without other attribution belongs to the turn's speaker")
    func quoteInTurn() {
        let story = parseStory("Briefing\n\nMR PRICE: I would call it “a serious and welcome step forward.”\n\nQUESTION: Thanks.\n")
        #expect(story.quotes == [Quote(text: "a serious and welcome step forward.", speaker: "Price", paragraph: 0)])
    }

    @Test("a single upper-case note is not a transcript")
    func singleNote() {
        let story = parseStory("Ferry update\n\nThe ferry sailed.\n\nEDITOR'S NOTE: This story was updated.\n\nWARNING: Rough seas.\n")
        #expect(story.sections.allSatisfy { $0.kind != .turn })
    }

    @Test("a hard-wrapped turn is one paragraph, and the next label starts a new turn")
    func wrappedTurn() {
        let story = parseStory("""
        Briefing

        MR PRICE: Good afternoon, everyone, and thank you for coming
        to the briefing today on the ferry talks.
        QUESTION: Will the talks resume on Monday as planned by the
        two ministers?
        """)
        #expect(story.sections == [
            Section(kind: .turn, title: "MR PRICE", paragraphs: [
                Paragraph(text: "Good afternoon, everyone, and thank you for coming to the briefing today on the ferry talks."),
            ], speaker: "Price"),
            Section(kind: .turn, title: "QUESTION", paragraphs: [
                Paragraph(text: "Will the talks resume on Monday as planned by the two ministers?"),
            ]),
        ])
    }
}
