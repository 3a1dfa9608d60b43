import Testing
import BriefModel

@Suite("Recognising credits")
struct CreditsTests {
    @Test("credit lines become a credits section at the end", arguments: [
        "Reporting by Ana Ruiz; Editing by Tom Bell",
        "Reporting by Ana Ruiz and Li Wei in Valmore; Writing by Sam Okoro; Editing by Tom Bell",
        "(Additional reporting by Ana Ruiz; Compiled by Sam Okoro)",
        "Writing by Sam Okoro, editing by Tom Bell",
        "Compiled by the Valmore newsroom",
        "*Compiled by the desk from agency reports*",
        "_Compiled by the desk from wire reports._",
        "Additional reporting by Ana Ruiz in Valmore",
        "Editing by Tom Bell",
        "By Sophie Laurent",
        "By SOPHIE LAURENT",
        "By Sophie Laurent and Tom Bell, Brief Wire",
    ])
    func credits(line: String) {
        let story = parseStory("Bridge reopens\n\nThe bridge reopened.\n\nTraffic was light.\n\n\(line)\n")
        #expect(story.sections.last == Section(kind: .credits, paragraphs: [Paragraph(text: line)]))
        #expect(story.sections.filter { $0.kind != .credits }.flatMap(\.paragraphs).map(\.text)
            == ["The bridge reopened.", "Traffic was light."])
    }

    @Test("Given a byline above the lede, then the lede is the first paragraph of text and the byline is in the credits")
    func bylineAboveLede() {
        let story = parseStory("Bridge reopens\n\nBy Sophie Laurent\n\nVALMORE (Reuters) - The bridge reopened.\n\nTraffic was light.\n\nEditing by Tom Bell\n")
        #expect(story.dateline?.places == ["VALMORE"])
        #expect(story.sections == [
            Section(kind: .lede, paragraphs: [Paragraph(text: "The bridge reopened.")]),
            Section(kind: .body, paragraphs: [Paragraph(text: "Traffic was light.")]),
            Section(kind: .credits, paragraphs: [Paragraph(text: "By Sophie Laurent"), Paragraph(text: "Editing by Tom Bell")]),
        ])
    }

    @Test("Given a credit in the middle of the body, then it joins the credits and the body stays one section")
    func creditInMiddle() {
        let story = parseStory("Bridge reopens\n\nThe bridge reopened.\n\nTraffic was light.\n\nAdditional reporting by Li Wei\n\nTolls return in May.\n")
        #expect(story.sections.map(\.kind) == [.lede, .body, .credits])
        #expect(story.sections[1].paragraphs.map(\.text) == ["Traffic was light.", "Tolls return in May."])
    }

    @Test("consecutive credit paragraphs form one section; trailing boilerplate is dropped")
    func severalCredits() {
        let story = parseStory("Bridge reopens\n\nThe bridge reopened.\n\nReporting by Ana Ruiz\n\nEditing by Tom Bell\n\nRead Full Article\n")
        #expect(story.sections == [
            Section(kind: .lede, paragraphs: [Paragraph(text: "The bridge reopened.")]),
            Section(kind: .credits, paragraphs: [Paragraph(text: "Reporting by Ana Ruiz"), Paragraph(text: "Editing by Tom Bell")]),
        ])
    }

    @Test("a sentence starting like a credit or a byline is body text", arguments: [
        "Writing by candlelight, the clerks kept the ledger.",
        "By Tuesday the bridge had reopened to lorries and buses.",
        "By Monday",
        "By the end of the week, traffic was back to normal levels across the whole city and its suburbs.",
        "Compiled by the finance ministry of Valmore in the spring, the report found that tolls covered less than half of the cost of repairs.",
    ])
    func sentenceIsNotCredit(line: String) {
        let story = parseStory("Bridge reopens\n\nThe bridge reopened.\n\n\(line)\n")
        #expect(story.sections.allSatisfy { $0.kind != .credits }, "\(story.sections)")
    }

    @Test("names in credits are never quote speakers")
    func creditsNotSearched() {
        let story = parseStory("Bridge reopens\n\n“It is open,” said Ana Ruiz.\n\nReporting by Sam Okoro, “the desk”\n")
        #expect(story.quotes.map(\.text) == ["It is open"])
    }
}
