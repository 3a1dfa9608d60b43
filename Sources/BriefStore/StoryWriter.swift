import BriefModel
import BriefTagger
import Foundation
import GRDB

/// Inserts one new story and everything in it, inside the caller's write transaction.
/// Only `Store` uses it, so the façade stays the only writer.
struct StoryWriter {
    let db: Database

    func insert(_ item: ImportItem, contentHash: String, importedAt: Date) throws -> Int64 {
        let story = item.story
        let encoder = JSONEncoder()
        let places = try story.dateline.map { String(decoding: try encoder.encode($0.places), as: UTF8.self) }
        // Entities first: mentions refer to them. A mention whose entity the linker did not list still gets one,
        // so a tagger slip cannot fail the import.
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
        // The list shows the three most-mentioned entities (ties: the story's own order), kept on the row.
        let top = storyEntities.enumerated()
            .sorted { $0.element.mentions != $1.element.mentions ? $0.element.mentions > $1.element.mentions
                                                                 : $0.offset < $1.offset }
            .prefix(3).map(\.element.name)
        try db.cachedStatement(sql: """
            INSERT INTO stories (content_hash, original_text, title, source, format, published, imported_at,
                                 list_date, read_at, dateline_places, dateline_agency,
                                 top_entity_1, top_entity_2, top_entity_3)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                contentHash, item.originalText, story.title, item.source, item.format.rawValue, item.published,
                importedAt, item.published ?? importedAt, places, story.dateline?.agency,
                top.count > 0 ? top[0] : nil, top.count > 1 ? top[1] : nil, top.count > 2 ? top[2] : nil,
            ])
        let storyID = db.lastInsertedRowID

        let insertEntity = try db.cachedStatement(sql: """
            INSERT INTO entities (key, name, type) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING
            """)
        let insertStoryEntity = try db.cachedStatement(sql: """
            INSERT INTO story_entities (story_id, entity_key, position, name, aliases, mentions) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for (position, entity) in storyEntities.enumerated() {
            try insertEntity.execute(arguments: [entity.key, entity.name, entity.type.rawValue])
            let aliases = String(decoding: try encoder.encode(entity.aliases), as: UTF8.self)
            try insertStoryEntity.execute(arguments: [storyID, entity.key, position, entity.name, aliases,
                                                      entity.mentions])
        }

        let insertSection = try db.cachedStatement(sql: """
            INSERT INTO sections (story_id, position, kind, title) VALUES (?, ?, ?, ?)
            """)
        let insertParagraph = try db.cachedStatement(sql: """
            INSERT INTO paragraphs (section_id, story_id, position, text) VALUES (?, ?, ?, ?)
            """)
        let insertMention = try db.cachedStatement(sql: """
            INSERT INTO mentions (paragraph_id, story_id, start, "end", type, entity_key, text) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        var searchText: [String] = []
        for (sectionPosition, section) in story.sections.enumerated() {
            try insertSection.execute(arguments: [storyID, sectionPosition, section.kind.rawValue, section.title])
            let sectionID = db.lastInsertedRowID
            if let title = section.title { searchText.append(title) }
            for (paragraphPosition, paragraph) in section.paragraphs.enumerated() {
                try insertParagraph.execute(arguments: [sectionID, storyID, paragraphPosition, paragraph.text])
                let paragraphID = db.lastInsertedRowID
                searchText.append(paragraph.text)
                for mention in paragraph.mentions {
                    try insertMention.execute(arguments: [paragraphID, storyID, mention.start, mention.end,
                                                          mention.type.rawValue, mention.entity, mention.text])
                }
            }
        }

        let insertQuote = try db.cachedStatement(sql: """
            INSERT INTO quotes (story_id, position, text, speaker) VALUES (?, ?, ?, ?)
            """)
        for (position, quote) in story.quotes.enumerated() {
            try insertQuote.execute(arguments: [storyID, position, quote.text, quote.speaker])
        }

        try db.cachedStatement(sql: "INSERT INTO story_search (rowid, title, text) VALUES (?, ?, ?)")
            .execute(arguments: [storyID, story.title, searchText.joined(separator: "\n")])
        return storyID
    }
}
