import Foundation

/// One row of the story list: enough to draw it without loading the story's text.
public struct StorySummary: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var title: String
    /// Where the story came from: the file path it was imported from, or the feed's title.
    public var source: String
    public var published: Date?
    public var importedAt: Date
    public var readAt: Date?
    /// When the story was starred; nil when it is not.
    public var starredAt: Date?
    /// Names of the story's most-mentioned entities, most mentioned first (at most a handful).
    public var topEntities: [String]

    public var isRead: Bool { readAt != nil }
    public var isStarred: Bool { starredAt != nil }

    public init(id: Int64, title: String, source: String, published: Date?, importedAt: Date,
                readAt: Date?, topEntities: [String] = [], starredAt: Date? = nil) {
        self.id = id
        self.title = title
        self.source = source
        self.published = published
        self.importedAt = importedAt
        self.readAt = readAt
        self.topEntities = topEntities
        self.starredAt = starredAt
    }
}
