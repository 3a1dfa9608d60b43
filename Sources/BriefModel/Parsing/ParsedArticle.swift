import Foundation

/// The result of parsing one input text: the story, plus what optional front matter said about it.
public struct ParsedArticle: Sendable, Hashable {
    public var story: Story
    /// From front matter `date:` (ISO 8601 date or date-time); nil without one.
    public var published: Date?
    /// From front matter `source:`; nil without one.
    public var source: String?

    public init(story: Story, published: Date? = nil, source: String? = nil) {
        self.story = story
        self.published = published
        self.source = source
    }
}
