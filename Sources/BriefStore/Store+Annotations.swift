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

    /// Replaces the mentions, entities and top entities of each story with those of its `story` (the stored story,
    /// `story(id:)`, annotated again) and records its `annotationVersion`; its text, quotes, read mark and feed items
    /// stay. All in one transaction (a batch of `brief reannotate`): every story is updated, or (on error) none.
    /// Returns, for each, whether it was: a story whose paragraphs no longer match, or that is gone, is left as it was.
    public func replaceAnnotations(_ stories: [(id: Int64, story: Story)]) throws -> [Bool] {
        try replaceEach(stories) { writer, id, story in try writer.reannotate(storyID: id, with: story) }
    }

    /// Runs `replace` for each story in one transaction, then finishes the writer; a story `replace` throws
    /// `StoreError.noSuchStory` for (before it changes anything) is passed over. Whether each was replaced.
    func replaceEach(_ stories: [(id: Int64, story: Story)],
                     _ replace: (inout StoryWriter, Int64, Story) throws -> Void) throws -> [Bool] {
        try requireWritable()
        return try writer.write { db in
            var writer = try StoryWriter(db: db)
            var replaced: [Bool] = []
            for (id, story) in stories {
                do {
                    try replace(&writer, id, story)
                    replaced.append(true)
                } catch StoreError.noSuchStory {
                    replaced.append(false)
                }
            }
            try writer.finish()
            return replaced
        }
    }
}
