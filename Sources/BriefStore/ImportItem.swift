import BriefModel
import Foundation

/// One annotated story ready to be stored, with the text it was made from.
public struct ImportItem: Sendable {
    public var story: Story
    /// The source text exactly as decoded; its hash makes importing idempotent.
    public var originalText: String
    /// Where the story came from: the file path it was imported from, or the feed's title.
    public var source: String
    public var published: Date?
    public var format: SourceFormat

    public init(story: Story, originalText: String, source: String, published: Date?, format: SourceFormat) {
        self.story = story
        self.originalText = originalText
        self.source = source
        self.published = published
        self.format = format
    }
}
