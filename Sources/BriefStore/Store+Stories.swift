import BriefModel
import BriefTagger
import Foundation
import GRDB

/// Stories: the list, one story whole, and storing new ones.
extension Store {
    /// Story list rows, newest first (published date; undated stories by import time).
    public func summaries(unreadOnly: Bool = false) throws -> [StorySummary] {
        try summaries(StoryFilter(unreadOnly: unreadOnly))
    }

    /// The list rows `filter` selects, newest first.
    public func summaries(_ filter: StoryFilter) throws -> [StorySummary] {
        try writer.read { db in
            let (condition, arguments) = filter.condition
            // The list's covering index even for unread rows: the unread-only partial index would read each
            // story's row, text and all. Starred stories are few: their own index finds them without a walk.
            let index = filter.starredOnly ? "stories_starred" : "stories_list"
            let statement = try db.makeStatement(sql: """
                SELECT \(StorySummaryRow.columns) FROM stories s INDEXED BY \(index) \(condition)
                ORDER BY s.list_date DESC, s.id DESC
                """)
            return try StorySummaryRow.summaries(statement, arguments: StatementArguments(arguments))
        }
    }

    /// One story with its sections, quotes, mentions and entities, or nil if there is no such id. Throws
    /// `StoreError.damagedStory` when its text cannot be read back, rather than showing an empty story.
    public func story(id: Int64) throws -> StoredStory? {
        try writer.read { db in
            let storyStatement = try db.makeStatement(sql: """
                SELECT \(StorySummaryRow.columns), s.dateline_places, s.dateline_agency, s.dateline_date,
                       s.dateline_day
                FROM stories s WHERE s.id = ?
                """)
            guard let row = try Row.fetchOne(storyStatement, arguments: [id]) else { return nil }
            let summary = try StorySummaryRow(storyStatement).summary(row)
            let decoder = JSONDecoder()
            var dateline: Dateline?
            if let placesJSON: String = row["dateline_places"] {
                dateline = Dateline(places: JSONStringArray.decode(placesJSON, decoder), agency: row["dateline_agency"],
                                    date: row["dateline_date"],
                                    day: (row["dateline_day"] as String?).flatMap(CalendarDay.init(iso:)))
            }

            // The story's entity rows first: a paragraph's mentions name theirs by position (`ParagraphMentions`).
            // A row's name '' is the entity's own, its aliases '' none ("v13 leaner cache").
            var keysByPosition: [Int: String] = [:]
            let entities = try Row.fetchAll(db, sql: """
                SELECT se.entity_key, se.position, CASE se.name WHEN '' THEN e.name ELSE se.name END AS name,
                       se.aliases, se.mentions, e.type, e.canonical_name, e.known_aliases, e.country
                FROM story_entities se JOIN entities e ON e.key = se.entity_key
                WHERE se.story_id = ? ORDER BY se.position
                """, arguments: [id]).map { e in
                keysByPosition[e["position"]] = e["entity_key"]
                return Entity(key: e["entity_key"], name: e["name"], type: EntityType(rawValue: e["type"]) ?? .group,
                              aliases: JSONStringArray.decode(e["aliases"], decoder), mentions: e["mentions"],
                              canonicalName: e["canonical_name"],
                              knownAliases: JSONStringArray.decode(e["known_aliases"], decoder), country: e["country"])
            }
            // The text: one blob (`StoryBody`), its sections in the order of the section rows.
            guard let body = try Data.fetchOne(db, sql: "SELECT body FROM stories WHERE id = ?", arguments: [id]),
                  let contents = StoryBody.decode(body) else { throw StoreError.damagedStory(id: id) }
            var bodySections = contents.sections.makeIterator()
            // A story has a handful of sections, quotes and entities: read by name.
            let sections = try Row.fetchAll(db, sql: """
                SELECT id, kind, title, speaker, speaker_entity FROM sections WHERE story_id = ? ORDER BY position
                """, arguments: [id]).map { s in
                let paragraphs = (bodySections.next() ?? []).map { p in
                    Paragraph(text: p.text, mentions: ParagraphMentions.decode(p.mentions, in: p.text, keys: keysByPosition))
                }
                return Section(kind: SectionKind(rawValue: s["kind"]) ?? .body, title: s["title"], paragraphs: paragraphs,
                               speaker: s["speaker"], speakerEntity: s["speaker_entity"])
            }
            let quotes = try Row.fetchAll(db, sql: """
                SELECT text, speaker, speaker_entity, description, translation, paragraph FROM quotes
                WHERE story_id = ? ORDER BY position
                """, arguments: [id]).map {
                Quote(text: $0["text"], speaker: $0["speaker"], speakerEntity: $0["speaker_entity"],
                      description: $0["description"], translation: $0["translation"], paragraph: $0["paragraph"])
            }
            let version = try Int.fetchOne(db, sql: "SELECT annotation_version FROM stories WHERE id = ?",
                                           arguments: [id]) ?? 0
            let story = Story(title: summary.title, dateline: dateline, sections: sections, quotes: quotes,
                              entities: entities, annotationVersion: version)
            // Where it came from: a feed item with a link first (a story carried by several feeds has several).
            let source = try Row.fetchOne(db, sql: """
                SELECT i.link, i.feed_key, f.title FROM feed_items i LEFT JOIN feeds f ON f.url = i.feed_key
                WHERE i.story_id = ? ORDER BY i.link IS NULL, f.url IS NULL LIMIT 1
                """, arguments: [id])
            return StoredStory(summary: summary, story: story, link: source?["link"], feedURL: source?["feed_key"],
                               feedTitle: source?["title"])
        }
    }

    /// The address of the story's original article (a feed item's link), or nil when it has none.
    /// Throws `StoreError.noSuchStory` when there is no such story.
    public func link(ofStory id: Int64) throws -> String? {
        try writer.read { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM stories WHERE id = ?)", arguments: [id]) == true
            else { throw StoreError.noSuchStory(id: id) }
            return try String.fetchOne(db, sql: """
                SELECT link FROM feed_items WHERE story_id = ? AND link IS NOT NULL AND link <> '' LIMIT 1
                """, arguments: [id])
        }
    }

    /// The source text a story was imported from, verbatim, or nil if there is no such id. Throws
    /// `StoreError.damagedStory` when the text cannot be read back.
    public func originalText(id: Int64) throws -> String? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT original_text, original_deflated, body FROM stories WHERE id = ?",
                             arguments: [id]).map { try Self.originalText($0, id: id) }
        }
    }

    /// The original text of story `id`'s row, with the columns `original_text`, `original_deflated` and `body`: the
    /// body's (`StoryBody`), else the compressed one (rows from before the "v13" conversion), else the text column.
    /// A blob that is there but does not decode throws `StoreError.damagedStory`: the text is lost, not empty, and
    /// must not be sectioned again as if it were.
    static func originalText(_ row: Row, id: Int64) throws -> String {
        if let body: Data = row["body"] {
            guard let contents = StoryBody.decode(body) else { throw StoreError.damagedStory(id: id) }
            return contents.original
        }
        if let deflated: Data = row["original_deflated"] {
            guard let text = DeflatedText.inflate(deflated) else { throw StoreError.damagedStory(id: id) }
            return text
        }
        return row["original_text"]
    }

    /// Number of stories, or of unread stories.
    public func count(unreadOnly: Bool = false) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stories" + (unreadOnly ? " WHERE read_at IS NULL" : "")) ?? 0
        }
    }

    /// Number of stories `filter` selects, and how many of them are unread.
    public func counts(_ filter: StoryFilter) throws -> (total: Int, unread: Int) {
        guard filter != .all else { return (try count(), try count(unreadOnly: true)) }
        return try writer.read { db in
            let (condition, arguments) = filter.condition
            let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) AS total, COALESCE(SUM(s.read_at IS NULL), 0) AS unread FROM stories s \(condition)
                """, arguments: StatementArguments(arguments))
            return (row?["total"] ?? 0, row?["unread"] ?? 0)
        }
    }

    /// Stores annotated stories in one transaction: all of them or (on error) none.
    /// Content already in the cache (same source text) keeps its id and read state and is reported `.existing`.
    public func importStories(_ items: [ImportItem]) throws -> [ImportOutcome] {
        let now = Date()
        try requireWritable()
        return try bulkWrite { db in
            var outcomes: [ImportOutcome] = []
            outcomes.reserveCapacity(items.count)
            var stories = try StoryWriter(db: db)
            for item in items {
                if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM stories WHERE content_hash = ?"),
                                               arguments: [item.contentHash]) {
                    outcomes.append(.existing(id))
                } else {
                    outcomes.append(.new(try stories.insert(item, importedAt: now)))
                }
            }
            try stories.finish()
            return outcomes
        }
    }
}
