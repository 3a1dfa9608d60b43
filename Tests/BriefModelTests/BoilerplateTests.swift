import Testing
import BriefModel

@Suite("Dropping aggregator boilerplate")
struct BoilerplateTests {
    @Test("each known boilerplate line is dropped from the reading text", arguments: [
        "Slideshow ( 2 images )", "Slideshow (1 image)", "Source: Read Full Article", "Read Full Article",
        "Advertisement", "Video", "Our Standards: The Thomson Reuters Trust Principles.",
        "Sign up for our free Balkans briefing newsletter.", "Sign up here for daily updates",
        "Click here to read the full interview.", "Click here for more coverage", "ADVERTISEMENT",
        "Continue reading", "Story continues below advertisement",
    ])
    func dropsBoilerplate(line: String) {
        // Given a story with the boilerplate between real paragraphs
        let story = parseStory("Dam talks stall\n\nThe talks stalled.\n\n\(line)\n\nBoth sides left.\n")
        // Then only the real paragraphs remain
        #expect(readingText(story) == ["The talks stalled.", "Both sides left."])
    }

    @Test("real sentences that merely start like boilerplate are kept", arguments: [
        "Sign up for the conscription lottery was slow in the eastern provinces, officials said.",
        "Video footage showed the convoy crossing the bridge at dawn.",
        "Advertisement boards along the route were covered in slogans.",
        "Read the full text of the agreement, the minister urged lawmakers.",
    ])
    func keepsSentences(line: String) {
        let story = parseStory("Dam talks stall\n\nThe talks stalled.\n\n\(line)\n")
        #expect(readingText(story) == ["The talks stalled.", line])
    }

    @Test("boilerplate before the first paragraph does not become the lede")
    func boilerplateBeforeLede() {
        let story = parseStory("Dam talks stall\n\nVideo\n\nThe talks stalled.\n")
        #expect(story.sections == [Section(kind: .lede, paragraphs: [Paragraph(text: "The talks stalled.")])])
    }
}
