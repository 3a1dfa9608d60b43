import BriefModel
import Foundation

/// One annotated story ready to be stored, with the text it was made from.
public struct ImportItem: Sendable {
    public var story: Story { didSet { content = StoryContent(story, original: originalText) } }
    /// The source text exactly as decoded; its hash makes importing idempotent.
    public var originalText: String {
        didSet {
            contentHash = ContentHash.of(originalText)
            content = StoryContent(story, original: originalText)
        }
    }
    /// `ContentHash` of `originalText`, computed where the item is prepared (on any core) rather than in the
    /// store's single write transaction.
    public private(set) var contentHash: String
    /// The rows and body the store writes for `story`, likewise worked out where the item is prepared.
    private(set) var content: StoryContent
    /// Where the story came from: the file path it was imported from, or the feed's title.
    public var source: String
    public var published: Date?
    public var format: SourceFormat

    public init(story: Story, originalText: String, source: String, published: Date?, format: SourceFormat) {
        self.story = story
        self.originalText = originalText
        contentHash = ContentHash.of(originalText)
        content = StoryContent(story, original: originalText)
        self.source = source
        self.published = published
        self.format = format
    }
}
