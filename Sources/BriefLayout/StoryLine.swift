/// One laid-out line of the story view.
public struct StoryLine: Hashable, Sendable {
    public var glyphs: [StyledGrapheme]
    /// The block (headline, dateline, heading, paragraph, quote) the line belongs to; resizing keeps the
    /// top block in place.
    public var block: Int

    public init(glyphs: [StyledGrapheme], block: Int) {
        self.glyphs = glyphs
        self.block = block
    }

    /// The line's text, for tests and captures.
    public var text: String { String(glyphs.map(\.character)) }
}
