import BriefModel
import Foundation
import GRDB

/// Stories sectioned again: which stories carry an older `ArticleParser.version`, what the parser needs to section
/// one again, and replacing one story's sectioning. The pass itself is a use case (BriefLibrary `Resectioner`).
extension Store {
    /// The ids of the stories sectioned below `version` (or before versions were kept), oldest first.
    public func storiesSectioned(below version: Int) throws -> [Int64] {
        try writer.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT id FROM stories INDEXED BY stories_by_sectioning_version WHERE sectioning_version < ? ORDER BY id
                """, arguments: [version])
        }
    }

    /// The original text and format of story `id`, or nil if there is no such story; `StoreError.damagedStory` when
    /// its text cannot be read back.
    public func sectioningSource(id: Int64) throws -> SectioningSource? {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT original_text, original_deflated, body, format, published, imported_at FROM stories WHERE id = ?
                """, arguments: [id]) else { return nil }
            let published: Date? = row["published"]
            let importedAt: Date = row["imported_at"]
            return SectioningSource(originalText: try Self.originalText(row, id: id),
                                    format: SourceFormat(rawValue: row["format"]) ?? .article,
                                    reference: published ?? importedAt)
        }
    }

    /// Replaces each story's headline, dateline, sections, paragraphs, quotes, mentions and entities with its `story`
    /// (its original text sectioned by `version` and annotated again); its read mark, star, import time and feed items
    /// stay, and a missing `published` date takes the dateline's day. All in one transaction (a batch of
    /// `brief resection`): every story is updated, or (on error) none. Returns, for each, whether it was: a story
    /// that is gone is passed over.
    public func replaceSectioning(_ stories: [(id: Int64, story: Story)], version: Int = ArticleParser.version)
        throws -> [Bool] {
        try replaceEach(stories) { writer, id, story in try writer.resection(storyID: id, with: story, version: version) }
    }
}
