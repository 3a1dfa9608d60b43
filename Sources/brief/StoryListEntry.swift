import BriefStore
import Foundation

/// One element of `brief list --json`.
struct StoryListEntry: Encodable {
    var id: Int64
    var title: String
    var source: String
    /// ISO 8601 UTC, or null for an undated story.
    var published: Date?
    var imported: Date
    var read: Bool
    /// Up to three names of the story's most-mentioned entities.
    var topEntities: [String]
    var starred: Bool

    init(_ summary: StorySummary) {
        id = summary.id
        title = summary.title
        source = summary.source
        published = summary.published
        imported = summary.importedAt
        read = summary.isRead
        topEntities = summary.topEntities
        starred = summary.isStarred
    }

    private enum CodingKeys: String, CodingKey { case id, title, source, published, imported, read, topEntities, starred }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(source, forKey: .source)
        try container.encode(published, forKey: .published)  // null, not absent, when undated
        try container.encode(imported, forKey: .imported)
        try container.encode(read, forKey: .read)
        try container.encode(topEntities, forKey: .topEntities)
        try container.encode(starred, forKey: .starred)
    }
}
