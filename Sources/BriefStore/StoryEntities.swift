import BriefModel
import BriefTagger

/// A story's entity rows (`story_entities`), worked out in one pass over its mentions: one entity per key, in order
/// (the linker's entities, then one for any mention whose entity it did not list, so a tagger slip cannot fail the
/// import). What the body and the writer need of each row is kept by row rather than by key, so each mention's key
/// is hashed once: the row of every mention, each row's first mention, and whether its entity is named outside the
/// credits.
///
///     let rows = StoryEntities(story)
///     rows.entities[rows.mentionRows[0][0]].key   // the entity of the first paragraph's first mention
struct StoryEntities: Sendable {
    private(set) var entities: [Entity] = []
    /// For each paragraph in reading order, the row of each of its mentions, in the mentions' order.
    private(set) var mentionRows: [[Int]] = []
    /// Each row's first mention (by paragraph in reading order, then start); none when named only in the headline.
    private(set) var firstMentions: [FirstMention?] = []
    /// Whether each row's entity is mentioned outside the credits (`StoryWriter`: a person named only there keeps
    /// no surname).
    private(set) var namedInText: [Bool] = []

    init(_ story: Story) {
        var rowByKey: [String: Int] = [:]
        rowByKey.reserveCapacity(story.entities.count)
        for entity in story.entities {
            if let row = rowByKey[entity.key] {
                entities[row].mentions += entity.mentions
            } else {
                rowByKey[entity.key] = entities.count
                entities.append(entity)
            }
        }
        firstMentions = Array(repeating: nil, count: entities.count)
        namedInText = Array(repeating: false, count: entities.count)
        var place = 0
        for section in story.sections {
            let inText = section.kind != .credits
            for paragraph in section.paragraphs {
                var rows: [Int] = []
                rows.reserveCapacity(paragraph.mentions.count)
                for mention in paragraph.mentions {
                    let row: Int
                    if let known = rowByKey[mention.entity] {
                        row = known
                    } else {
                        row = entities.count
                        rowByKey[mention.entity] = row
                        entities.append(Entity(key: mention.entity, name: mention.text, type: mention.type, mentions: 0))
                        firstMentions.append(nil)
                        namedInText.append(false)
                    }
                    rows.append(row)
                    if inText { namedInText[row] = true }
                    if let seen = firstMentions[row], (seen.paragraph, seen.start) <= (place, mention.start) { continue }
                    firstMentions[row] = FirstMention(paragraph: place, start: mention.start, end: mention.end)
                }
                mentionRows.append(rows)
                place += 1
            }
        }
    }
}
