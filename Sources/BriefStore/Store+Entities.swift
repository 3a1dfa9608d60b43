import BriefModel
import BriefTagger
import Foundation
import GRDB

/// Entities: the cache-wide list, the stories that mention one, and how each story names it.
extension Store {
    /// Entities mentioned anywhere in the cache, most mentioned first (ties: in more stories, then by name).
    public func entities() throws -> [EntitySummary] {
        // The counts are kept on each entity (see the "v3" migration), so this is one walk of their index.
        try writer.read { db in
            let statement = try db.makeStatement(sql: """
                SELECT key, name, type, story_count, mention_count, canonical_name, known_aliases, country FROM entities
                WHERE story_count > 0
                ORDER BY mention_count DESC, story_count DESC, name
                """)
            let columns = ColumnIndex(statement)
            let key = try columns.position(of: "key"), name = try columns.position(of: "name")
            let type = try columns.position(of: "type"), stories = try columns.position(of: "story_count")
            let mentions = try columns.position(of: "mention_count")
            let canonical = try columns.position(of: "canonical_name")
            let aliases = try columns.position(of: "known_aliases"), country = try columns.position(of: "country")
            let rows = try Row.fetchCursor(statement)
            let decoder = JSONDecoder()
            var entities: [EntitySummary] = []
            while let row = try rows.next() {
                entities.append(EntitySummary(key: row[key], name: row[name], type: EntityType(rawValue: row[type]) ?? .group,
                                              stories: row[stories], mentions: row[mentions],
                                              canonicalName: row[canonical],
                                              knownAliases: JSONStringArray.decode(row[aliases], decoder),
                                              country: row[country]))
            }
            return entities
        }
    }

    /// Every story mentioning the entity `key`, newest first, each with the paragraph of its first mention (kept on
    /// the story's entity row; a story naming it only in the headline is left out).
    public func stories(mentioning key: String) throws -> [MentioningStory] {
        try writer.read { db in
            let statement = try db.makeStatement(sql: """
                SELECT \(StorySummaryRow.columns), brief_paragraph(s.body, se.first_paragraph) AS paragraph,
                       se.first_start AS mention_start, se.first_end AS mention_end
                FROM story_entities se
                JOIN stories s ON s.id = se.story_id
                WHERE se.entity_key = ? AND se.first_paragraph IS NOT NULL
                ORDER BY s.list_date DESC, s.id DESC
                """)
            let summaries = try StorySummaryRow(statement)
            return try Row.fetchAll(statement, arguments: [key]).map { row in
                MentioningStory(summary: summaries.summary(row), paragraph: (row["paragraph"] as String?) ?? "",
                                start: row["mention_start"], end: row["mention_end"])
            }
        }
    }

    /// How each of the stories `ids` names the entity `key`: its own record there (name, aliases, mentions),
    /// in the order of `ids`, leaving out stories that do not mention it. An entity page reads its aliases from
    /// these without loading the stories.
    public func storyEntities(key: String, storyIDs ids: [Int64]) throws -> [Entity] {
        try writer.read { db in
            let decoder = JSONDecoder()
            var found: [Entity] = []
            let statement = try db.cachedStatement(sql: """
                SELECT CASE se.name WHEN '' THEN e.name ELSE se.name END AS name, se.aliases, se.mentions, e.type
                FROM story_entities se JOIN entities e ON e.key = se.entity_key
                WHERE se.story_id = ? AND se.entity_key = ?
                """)
            for id in ids {
                guard let row = try Row.fetchOne(statement, arguments: [id, key]) else { continue }
                found.append(Entity(key: key, name: row["name"], type: EntityType(rawValue: row["type"]) ?? .group,
                                    aliases: JSONStringArray.decode(row["aliases"], decoder), mentions: row["mentions"]))
            }
            return found
        }
    }
}
