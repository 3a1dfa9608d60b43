import BriefModel
import Foundation
import GRDB

/// Annotations made again: which stories carry an older `StoryAnnotator.version`, and replacing one story's mentions
/// and entities with a new annotation. The re-annotation pass itself is a use case (BriefLibrary `Reannotator`).
extension Store {
    /// The ids of the stories annotated below `version` (or never), oldest first.
    public func storiesAnnotated(below version: Int) throws -> [Int64] {
        try writer.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT id FROM stories INDEXED BY stories_by_annotation_version WHERE annotation_version < ? ORDER BY id
                """, arguments: [version])
        }
    }

    /// Replaces the mentions, entities and top entities of story `id` with those of `story` (the stored story,
    /// `story(id:)`, annotated again) and records `story.annotationVersion`, in one transaction: a story is never
    /// half updated. Its text, quotes, read mark and feed items stay. A story whose paragraphs no longer match
    /// (or that is gone) throws `StoreError.noSuchStory` and is left as it was.
    public func replaceAnnotations(id: Int64, with story: Story) throws {
        try requireWritable()
        try writer.write { db in
            var writer = try StoryWriter(db: db)
            try writer.reannotate(storyID: id, with: story)
            try writer.finish()
        }
    }
}
