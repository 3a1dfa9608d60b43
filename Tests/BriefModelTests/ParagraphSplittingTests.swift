import Testing
import BriefModel

@Suite("Splitting article text into paragraphs")
struct ParagraphSplittingTests {
    @Test("hard-wrapped lines within a paragraph are joined with spaces")
    func joinsWrappedLines() {
        let story = parseStory("""
        Grain corridor extended

        Ministers from the three coastal states agreed on Friday to extend
        the grain corridor for another season, officials said after a
        meeting that ran late into the night.

        The corridor has carried more than four million tonnes since it
        opened.
        """)
        #expect(readingText(story) == [
            "Ministers from the three coastal states agreed on Friday to extend the grain corridor for another season, officials said after a meeting that ran late into the night.",
            "The corridor has carried more than four million tonnes since it opened.",
        ])
    }

    @Test("a deliberate short line ending a sentence inside a wrapped run breaks the paragraph")
    func breaksAtShortSentenceEnd() {
        let story = parseStory("""
        Grain corridor extended

        Ministers from the three coastal states agreed on Friday to extend
        the grain corridor for another season.
        The corridor has carried more than four million tonnes since it
        opened last year, port data showed.
        """)
        #expect(readingText(story) == [
            "Ministers from the three coastal states agreed on Friday to extend the grain corridor for another season.",
            "The corridor has carried more than four million tonnes since it opened last year, port data showed.",
        ])
    }

    @Test("single-newline-separated long paragraphs stay separate")
    func singleNewlineParagraphs() {
        let first = "Ministers from the three coastal states agreed on Friday to extend the grain corridor for another season, officials said."
        let second = "The corridor has carried more than four million tonnes since it opened, according to port data released on Thursday."
        let story = parseStory("Grain corridor extended\n\(first)\n\(second)\nShips queued.\n")
        #expect(readingText(story) == [first, second, "Ships queued."])
    }

    @Test("short one-sentence lines are one paragraph each")
    func shortSentenceLines() {
        let story = parseStory("Grain corridor extended\n\nShips queued.\nPorts reopened at dawn.\nPrices fell.\n")
        #expect(readingText(story) == ["Ships queued.", "Ports reopened at dawn.", "Prices fell."])
    }

    @Test("spaces and tabs collapse and paragraphs are trimmed; the headline is trimmed")
    func whitespace() {
        let story = parseStory("\n\n   Grain   corridor\textended  \n\n  Ships \t  queued   early.  \n")
        #expect(story.title == "Grain corridor extended")
        #expect(readingText(story) == ["Ships queued early."])
    }

    @Test("odd text still gives a story")
    func oddText() {
        #expect(parseStory("") == Story(title: "", sections: []))
        #expect(parseStory("\n\n  \n") == Story(title: "", sections: []))
        #expect(parseStory("Only a headline") == Story(title: "Only a headline", sections: []))
        let story = parseStory("((( ]]] “ \" ‘ ** __ [x](\n\n“\n\n---\n\n(Reuters) –", .markdown)
        #expect(!story.title.isEmpty)
    }

    @Test("CRLF line ends are handled even when the caller did not decode through SourceText")
    func crlf() {
        let story = parseStory("Ferry resumes\r\n\r\nIt sailed.\r\n\r\nIt was full.\r\n")
        #expect(story.title == "Ferry resumes")
        #expect(readingText(story) == ["It sailed.", "It was full."])
    }
}
