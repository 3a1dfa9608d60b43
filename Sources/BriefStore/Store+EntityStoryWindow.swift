import GRDB

/// An entity page a window of stories at a time: the most mentioned entity of 100,000 stories is in thousands of
/// them, and a page reads the few dozen it shows and some around them, in the order of `stories(mentioning:)`
/// (newest first). Unlike `stories(mentioning:)`, a story naming it only in its headline is listed too (with no
/// paragraph): so the page's count is read from the entity's index alone.
extension Store {
    /// The stories mentioning the entity `key` at positions `offset..<offset + limit` of that list, each with the
    /// paragraph of its first mention ('' and offsets -1 when it names it only in the headline). The list's index is
    /// walked in order and each story checked against the entity's stories, so a window near the top reads only the
    /// rows before it, and one in the second half is walked to from the end.
    public func stories(mentioning key: String, offset: Int, limit: Int) throws -> [MentioningStory] {
        guard limit > 0 else { return [] }
        return try writer.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM story_entities WHERE entity_key = ?",
                                         arguments: [key]) ?? 0
            let reversed = offset > total / 2
            let order = reversed ? "ASC" : "DESC"
            let take = reversed ? max(0, min(limit, total - offset)) : limit
            let skip = reversed ? max(0, total - offset - take) : max(0, offset)
            // The first mention's paragraph, by its place in the story's compressed body.
            let statement = try db.makeStatement(sql: """
                SELECT \(StorySummaryRow.columns), brief_paragraph(s.body, se.first_paragraph) AS paragraph, se.first_start AS mention_start,
                       se.first_end AS mention_end
                FROM stories s INDEXED BY stories_list
                CROSS JOIN story_entities se ON se.story_id = s.id AND se.entity_key = ?
                WHERE s.id IN (SELECT story_id FROM story_entities WHERE entity_key = ?)
                ORDER BY s.list_date \(order), s.id \(order) LIMIT ? OFFSET ?
                """)
            let columns = ColumnIndex(statement)
            let paragraph = try columns.position(of: "paragraph")
            let start = try columns.position(of: "mention_start"), end = try columns.position(of: "mention_end")
            let stories = try StorySummaryRow.rows(statement, arguments: [key, key, take, skip]) { summary, row in
                MentioningStory(summary: summary, paragraph: (row[paragraph] as String?) ?? "",
                                start: row[start] ?? -1, end: row[end] ?? -1)
            }
            return reversed ? stories.reversed() : stories
        }
    }

    /// How many stories `stories(mentioning:offset:limit:)` lists for the entity `key`.
    public func storyCount(mentioning key: String) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM story_entities WHERE entity_key = ?", arguments: [key]) ?? 0
        }
    }
}
