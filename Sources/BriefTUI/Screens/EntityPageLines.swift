/// An entity page as lines, with the lines each story occupies (for selection and scrolling).
struct EntityPageLines: Hashable, Sendable {
    /// The width the page was laid out for.
    var width = 0
    var lines: [[StyledSpan]] = []
    /// For each story on the page, the range of lines it occupies.
    var storyRows: [Range<Int>] = []

    func rows(ofStory index: Int) -> Range<Int>? {
        storyRows.indices.contains(index) ? storyRows[index] : nil
    }
}
