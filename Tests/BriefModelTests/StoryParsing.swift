import BriefModel

/// Test shorthand: parse a fixture written in our own words.
func parseStory(_ text: String, _ format: SourceFormat = .article) -> Story {
    ArticleParser.parse(text, format: format).story
}

/// All paragraph texts of a story's sections, in reading order.
func readingText(_ story: Story) -> [String] {
    story.sections.flatMap { $0.paragraphs.map(\.text) }
}
