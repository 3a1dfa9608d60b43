import Foundation
import GRDB

/// Quotes across the library: who said what, newest story first.
extension Store {
    /// Every quote, or those of the entity `speakerEntity`, in stories dated (listed) on or after `since`; newest
    /// story first, in reading order within a story. With `turns`, an entity's transcript turns come too (each
    /// turn's paragraphs joined), in their place in the story. A turn's text is read from the story's body
    /// (`StoryBody`) by the section's ordinal among the story's sections.
    public func quotes(speakerEntity: String? = nil, since: Date? = nil, turns: Bool = false) throws -> [StoredQuote] {
        try writer.read { db in
            var conditions: [String] = []
            var arguments: [(any DatabaseValueConvertible)?] = []
            if let speakerEntity { conditions.append("q.speaker_entity = ?"); arguments.append(speakerEntity) }
            if let since { conditions.append("s.list_date >= ?"); arguments.append(since) }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            var sql = """
                SELECT s.id AS story, s.title, s.published, s.list_date AS day, q.text, q.speaker, q.speaker_entity,
                       e.canonical_name, e.name, q.description, q.translation, 0 AS turn,
                       coalesce(q.paragraph, 0) AS at, q.position AS place
                FROM quotes q JOIN stories s ON s.id = q.story_id LEFT JOIN entities e ON e.key = q.speaker_entity
                \(filter)
                """
            if turns, let speakerEntity {
                sql += """

                    UNION ALL
                    SELECT s.id, s.title, s.published, s.list_date,
                           brief_turn_text(s.body, (SELECT count(*) FROM sections o WHERE o.story_id = c.story_id AND o.position < c.position)),
                           c.speaker, c.speaker_entity, e.canonical_name, e.name, NULL, NULL, 1,
                           brief_paragraphs_before(s.body,
                               (SELECT count(*) FROM sections o WHERE o.story_id = c.story_id AND o.position < c.position)), c.position
                    FROM sections c JOIN stories s ON s.id = c.story_id LEFT JOIN entities e ON e.key = c.speaker_entity
                    WHERE c.speaker_entity = ?\(since == nil ? "" : " AND s.list_date >= ?")
                    """
                arguments.append(speakerEntity)
                if let since { arguments.append(since) }
            }
            sql += "\nORDER BY day DESC, story DESC, at, turn DESC, place"
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                let canonical: String? = row[7]
                let name: String? = row[8]
                return StoredQuote(storyID: row[0], storyTitle: row[1], published: row[2], text: row[4] ?? "",
                                   speaker: row[5], speakerEntity: row[6], speakerEntityName: canonical ?? name,
                                   description: row[9], translation: row[10], isTurn: row[11] as Bool)
            }
        }
    }
}
