import BriefModel
import BriefTagger
import Foundation

/// What a story stores besides its own columns and rows, worked out before anything is written: its body
/// (paragraphs with their mentions columns and the original, compressed: `StoryBody`), its entity rows with each
/// one's first mention (`StoryEntities`) and the list's top three entity names. The search text, cheap to work out
/// and as big as the story's own, is worked out as it is written (`searchText(of:)`).
///
/// `ImportItem` works it out where the item is prepared, on any core, so the store's single write transaction only
/// writes it: compressing the body and encoding the mentions were 30 % of the writer's instructions (callgrind).
struct StoryContent: Sendable {
    let entities: StoryEntities
    let top: [String]
    let body: Data

    init(_ story: Story, original: String) {
        let entities = StoryEntities(story)
        var parts: [StoryBody.Part] = []
        var place = 0
        for section in story.sections {
            var paragraphs: [StoryBody.Paragraph] = []
            for paragraph in section.paragraphs {
                let rows = entities.mentionRows[place]
                paragraphs.append(StoryBody.Paragraph(
                    text: paragraph.text,
                    mentions: ParagraphMentions.encode(paragraph.mentions, in: paragraph.text) { rows[$0] }))
                place += 1
            }
            parts.append(StoryBody.Part(title: section.title, paragraphs: paragraphs))
        }
        self.entities = entities
        top = EntityRanking.topNames(entities.entities)
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

    private static func appendLine(_ line: String, to text: inout String) {
        if !text.isEmpty { text += "\n" }
        text += line
    }
}
