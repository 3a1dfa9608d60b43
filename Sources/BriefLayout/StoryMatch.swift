/// One match of an in-story search: a run of graphemes on one layout line.
public struct StoryMatch: Hashable, Sendable {
    public var line: Int
    /// Grapheme indices in `StoryLine.glyphs`, `end` exclusive.
    public var start: Int
    public var end: Int

    public init(line: Int, start: Int, end: Int) {
        self.line = line
        self.start = start
        self.end = end
    }
}
