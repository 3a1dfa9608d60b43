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
    ])
    func credits(line: String) {
        let story = parseStory("Bridge reopens\n\nThe bridge reopened.\n\n\(line)\n")
        #expect(story.sections.last == Section(kind: .credits, paragraphs: [Paragraph(text: line)]))
    }

    @Test("consecutive credit paragraphs form one section; trailing boilerplate is dropped")
    func severalCredits() {
        let story = parseStory("Bridge reopens\n\nThe bridge reopened.\n\nReporting by Ana Ruiz\n\nEditing by Tom Bell\n\nRead Full Article\n")
        #expect(story.sections == [
            Section(kind: .lede, paragraphs: [Paragraph(text: "The bridge reopened.")]),
            Section(kind: .credits, paragraphs: [Paragraph(text: "Reporting by Ana Ruiz"), Paragraph(text: "Editing by Tom Bell")]),
        ])
    }

    @Test("a sentence starting like a credit is body text")
    func sentenceIsNotCredit() {
        let story = parseStory("Bridge reopens\n\nThe bridge reopened.\n\nWriting by candlelight, the clerks kept the ledger.\n")
        #expect(story.sections.allSatisfy { $0.kind != .credits })
    }
}
