import BriefModel
import BriefTagger
import Foundation

/// What a story stores besides its own columns and rows, worked out before anything is written: its body
/// (paragraphs with their mentions columns and the original, compressed: `StoryBody`), each entity's first mention
/// and the list's top three entity names. The entity rows and the search text, cheap to work out and as big as the
/// story's own, are worked out as they are written (`storyEntities(of:)`, `searchText(of:)`).
///
/// `ImportItem` works it out where the item is prepared, on any core, so the store's single write transaction only
/// writes it: compressing the body and encoding the mentions were 30 % of the writer's instructions (callgrind).
struct StoryContent: Sendable {
    let firstMentions: [String: FirstMention]
    let top: [String]
    let body: Data

    init(_ story: Story, original: String) {
        let storyEntities = Self.storyEntities(of: story)
        let positions = Self.positions(of: storyEntities)
        var firstMentions: [String: FirstMention] = [:]
        var parts: [StoryBody.Part] = []
        var place = 0
        for section in story.sections {
            var paragraphs: [StoryBody.Paragraph] = []
            for paragraph in section.paragraphs {
                paragraphs.append(StoryBody.Paragraph(
                    text: paragraph.text,
                    mentions: ParagraphMentions.encode(paragraph.mentions, in: paragraph.text, positions: positions)))
                FirstMention.note(paragraph.mentions, paragraph: place, in: &firstMentions)
                place += 1
            }
            parts.append(StoryBody.Part(title: section.title, paragraphs: paragraphs))
        }
        self.firstMentions = firstMentions
        top = EntityRanking.topNames(storyEntities)
        body = StoryBody.encode(sections: parts, original: original)
    }

    /// The search text: the section titles and paragraphs, one a line.
    static func searchText(of story: Story) -> String {
        var text = ""
        for section in story.sections {
            if let title = section.title, !title.isEmpty { appendLine(title, to: &text) }
            for paragraph in section.paragraphs { appendLine(paragraph.text, to: &text) }
        }
        return text
    }

    /// The story's entities, one per key, plus one for any mention whose entity the linker did not list (so a
    /// tagger slip cannot fail the import).
    static func storyEntities(of story: Story) -> [Entity] {
        var storyEntities: [Entity] = []
        var positionByKey: [String: Int] = [:]
        for entity in story.entities {
            if let position = positionByKey[entity.key] {
                storyEntities[position].mentions += entity.mentions
            } else {
                positionByKey[entity.key] = storyEntities.count
                storyEntities.append(entity)
            }
        }
        for mention in story.sections.lazy.flatMap(\.paragraphs).flatMap(\.mentions)
        where positionByKey[mention.entity] == nil {
            positionByKey[mention.entity] = storyEntities.count
            storyEntities.append(Entity(key: mention.entity, name: mention.text, type: mention.type, mentions: 0))
        }
        return storyEntities
    }

    /// Each entity key's position among the story's entity rows.
    static func positions(of storyEntities: [Entity]) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (position, entity) in storyEntities.enumerated() where positions[entity.key] == nil {
            positions[entity.key] = position
        }
        return positions
    }

    private static func appendLine(_ line: String, to text: inout String) {
        if !text.isEmpty { text += "\n" }
        text += line
    }
}
