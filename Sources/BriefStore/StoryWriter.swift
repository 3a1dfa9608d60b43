import BriefModel
import BriefTagger
import Foundation
import GRDB

/// Inserts new stories and everything in them inside the caller's write transaction, then `finish()` writes the
/// entities they mention with what they add to their counts: one upsert per entity, rather than a row written when
/// it is first seen and its counts updated again at the end (the writer defers the foreign-key checks to the commit).
///
/// `finish()` also writes the stories' entity rows, all of them sorted by entity. Their index by entity takes about
/// twenty rows a story at places spread over the whole index; written story by story, a 1,000-story chunk into a
/// 100,000-story cache read and wrote most of that index's pages several times over (its pages do not fit in the
/// page cache). In entity order each page is visited once.
/// Only `Store` uses it, so the façade stays the only writer.
///
///     var writer = try StoryWriter(db: db)
///     for item in items { _ = try writer.insert(item, importedAt: now) }
///     try writer.finish()
struct StoryWriter {
    let db: Database
    /// The entity rows this transaction writes in `finish()`, in the order first met, and each one's place there by
    /// key: a story's entity rows name their entity by that place, so a key is hashed once a story.
    private var entityRows: [EntityRow] = []
    private var entitySlots: [String: Int] = [:]
    /// Surnames whose lone-surname stories may now link to a person named in full (`SurnameLinks`).
    private var surnames: Set<String> = []
    /// The stories' entity rows `finish()` inserts.
    private var storyEntityRows: [StoryEntityRow] = []
    private let insertStoryEntity: RowWrite
    private let insertSection: RowWrite
    private let insertQuote: RowWrite
    private let insertSearch: RowWrite
    private let lookUpEntity: RowWrite
    private let insertStory: RowWrite

    init(db: Database) throws {
        self.db = db
        // A chunk of a fetch names some thousands of entities: room for them from the start, not grown by rehashing.
        entitySlots.reserveCapacity(Self.expectedEntities)
        // Story-entity rows are written before the entity rows they name (`finish`); SQLite checks the references
        // at the commit instead (this resets itself there). Inside `Store.bulkWrite` the checks are off anyway.
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        insertStoryEntity = try RowWrite(db, sql: """
            INSERT INTO story_entities (story_id, entity_key, position, name, aliases, mentions, first_paragraph,
                                        first_start, first_end)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertSection = try RowWrite(db, sql: """
            INSERT INTO sections (story_id, position, kind, title, speaker, speaker_entity) VALUES (?, ?, ?, ?, ?, ?)
            """)
        insertQuote = try RowWrite(db, sql: """
            INSERT INTO quotes (story_id, position, text, speaker, speaker_entity, description, translation, paragraph)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertSearch = try RowWrite(db, sql: "INSERT INTO story_search (rowid, title, text) VALUES (?, ?, ?)")
        lookUpEntity = try RowWrite(db, sql: """
            SELECT name, surname, canonical_name, known_aliases, country FROM entities WHERE key = ?
            """)
        insertStory = try RowWrite(db, sql: """
            INSERT INTO stories (content_hash, original_text, original_deflated, title, source, format, published,
                                 imported_at, list_date, read_at, dateline_places, dateline_agency, dateline_date,
                                 dateline_day, annotation_version, sectioning_version, top_entity_1, top_entity_2,
                                 top_entity_3, body)
            VALUES (?, '', NULL, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// Inserts `item` as a new story (its hash is not in the cache: the caller checked) and returns its id.
    /// A story the feed or front matter gave no date takes its dateline's day as `published`; one with neither is
    /// listed by `undatedListDate`.
    mutating func insert(_ item: ImportItem, importedAt: Date) throws -> Int64 {
        let story = item.story
        let places = story.dateline.map { JSONStringArray.encode($0.places) }
        let published = item.published ?? story.dateline?.day?.date
        // The row goes in whole, body and top entities with it: rows then fill the table's pages in id order
        // instead of growing (and splitting pages) when written a second time.
        let content = item.content
        let top = content.top
        let storyID = try insertStory.run {
            try $0.bind(item.contentHash); try $0.bind(story.title); try $0.bind(item.source)
            try $0.bind(item.format.rawValue); try $0.bind(published); try $0.bind(importedAt)
            try $0.bind(published ?? Self.undatedListDate(importedAt: importedAt)); try $0.bind(places)
            try $0.bind(story.dateline?.agency); try $0.bind(story.dateline?.date)
            try $0.bind(story.dateline?.day?.description); try $0.bind(story.annotationVersion)
            try $0.bind(ArticleParser.version)
            try $0.bind(top.count > 0 ? top[0] : nil); try $0.bind(top.count > 1 ? top[1] : nil)
            try $0.bind(top.count > 2 ? top[2] : nil); try $0.bind(content.body)
        }
        try insertContent(story, storyID: storyID, content, writeRow: false)
        return storyID
    }

    /// Replaces everything the stored story `storyID` was sectioned into (sections, paragraphs, mentions, quotes,
    /// entities, search text, headline, dateline) with `story`, the same original text sectioned and annotated
    /// again by sectioner `version`; a `published` date it lacked comes from the new dateline. The row, its read mark, star and feed
    /// items stay. Entity counts go back through the `story_entities` delete trigger and return with `finish()`.
    mutating func resection(storyID: Int64, with story: Story, version: Int) throws {
        guard let importedAt = try Date.fetchOne(db.cachedStatement(sql: "SELECT imported_at FROM stories WHERE id = ?"),
                                                 arguments: [storyID]) else { throw StoreError.noSuchStory(id: storyID) }
        let original = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT original_text, original_deflated, body FROM stories WHERE id = ?
            """), arguments: [storyID]).map { try Store.originalText($0, id: storyID) } ?? ""
        try deleteContent(storyID: storyID)
        try db.cachedStatement(sql: """
            UPDATE stories SET title = ?, dateline_places = ?, dateline_agency = ?, dateline_date = ?, dateline_day = ?,
                published = coalesce(published, ?), annotation_version = ?, sectioning_version = ?
            WHERE id = ?
            """).execute(arguments: [
                story.title, story.dateline.map { JSONStringArray.encode($0.places) }, story.dateline?.agency,
                story.dateline?.date, story.dateline?.day?.description, story.dateline?.day?.date,
                story.annotationVersion, version, storyID,
            ])
        try db.cachedStatement(sql: "UPDATE stories SET list_date = coalesce(published, ?) WHERE id = ?")
            .execute(arguments: [Self.undatedListDate(importedAt: importedAt), storyID])
        try insertContent(story, storyID: storyID, StoryContent(story, original: original), writeRow: true)
    }

    /// Rewrites the stored story `storyID` with `item`, the same feed item edited at its source: its text, hash,
    /// headline, date and dateline change, and its sections, paragraphs, mentions, quotes, entities and search
    /// text are replaced. Its id, source, import time, read mark, star and feed items stay. Entity counts go back
    /// through the `story_entities` delete trigger and return with `finish()`.
    mutating func replace(storyID: Int64, with item: ImportItem) throws {
        guard let importedAt = try Date.fetchOne(db.cachedStatement(sql: "SELECT imported_at FROM stories WHERE id = ?"),
                                                 arguments: [storyID]) else { throw StoreError.noSuchStory(id: storyID) }
        let story = item.story
        let published = item.published ?? story.dateline?.day?.date
        try deleteContent(storyID: storyID)
        try db.cachedStatement(sql: """
            UPDATE stories SET content_hash = ?, original_text = '', original_deflated = NULL, title = ?, format = ?,
                published = ?, list_date = ?,
                dateline_places = ?, dateline_agency = ?, dateline_date = ?, dateline_day = ?, annotation_version = ?,
                sectioning_version = ?
            WHERE id = ?
            """).execute(arguments: [
                item.contentHash, story.title, item.format.rawValue,
                published,
                published ?? Self.undatedListDate(importedAt: importedAt),
                story.dateline.map { JSONStringArray.encode($0.places) }, story.dateline?.agency, story.dateline?.date,
                story.dateline?.day?.description, story.annotationVersion, ArticleParser.version, storyID,
            ])
        try insertContent(story, storyID: storyID, item.content, writeRow: true)
    }

    /// Deletes what hangs off the story row `storyID` (not the row itself): what `insertContent` adds. The search
    /// row goes first, while the body it reads the words to remove from is still the old one (`story_search_source`);
    /// the body itself is rewritten by `insertContent`.
    private mutating func deleteContent(storyID: Int64) throws {
        try db.cachedStatement(sql: "DELETE FROM story_search WHERE rowid = ?").execute(arguments: [storyID])
        try deleteStoryEntities(storyID: storyID)
        for table in ["quotes", "sections"] {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE story_id = ?").execute(arguments: [storyID])
        }
    }

    /// Deletes the story's entity rows. The delete trigger takes the stored ones out of their entities' counts; the
    /// ones this transaction has yet to insert (the story was written earlier in it: a feed that lists one item
    /// twice) come off what `finish()` will add instead.
    private mutating func deleteStoryEntities(storyID: Int64) throws {
        if storyEntityRows.contains(where: { $0.storyID == storyID }) {
            for row in storyEntityRows where row.storyID == storyID {
                entityRows[row.slot].stories -= 1
                entityRows[row.slot].mentions -= row.mentions
            }
            storyEntityRows.removeAll { $0.storyID == storyID }
        }
        try db.cachedStatement(sql: "DELETE FROM story_entities WHERE story_id = ?").execute(arguments: [storyID])
    }

    /// Where an undated story sorts: just before the start of the day it was imported (UTC), so it comes after
    /// every dated story of that day and before the days earlier; undated stories of one day keep import order.
    static func undatedListDate(importedAt: Date) -> Date {
        CalendarDay(importedAt).date.addingTimeInterval(-0.001)
    }

    /// The story's entities, sections, entity rows, quotes and search text under `storyID`, from `content`; with
    /// `writeRow`, its body and top entities onto the existing row too.
    private mutating func insertContent(_ story: Story, storyID: Int64, _ content: StoryContent, writeRow: Bool) throws {
        // Entities first: the story's entity rows refer to them.
        let slots = try insertEntities(content.entities)
        for (sectionPosition, section) in story.sections.enumerated() {
            try insertSection.run {
                try $0.bind(storyID); try $0.bind(sectionPosition); try $0.bind(section.kind.rawValue)
                try $0.bind(section.title); try $0.bind(section.speaker); try $0.bind(section.speakerEntity)
            }
        }
        if writeRow {
            // The list shows the story's top three entities, kept on the row with the body.
            let top = content.top
            try db.cachedStatement(sql: """
                UPDATE stories SET top_entity_1 = ?, top_entity_2 = ?, top_entity_3 = ?, body = ? WHERE id = ?
                """).execute(arguments: [top.count > 0 ? top[0] : nil, top.count > 1 ? top[1] : nil,
                                         top.count > 2 ? top[2] : nil, content.body, storyID])
        }
        try insertStoryEntities(content.entities, slots: slots, storyID: storyID)

        for (position, quote) in story.quotes.enumerated() {
            try insertQuote.run {
                try $0.bind(storyID); try $0.bind(position); try $0.bind(quote.text); try $0.bind(quote.speaker)
                try $0.bind(quote.speakerEntity); try $0.bind(quote.description); try $0.bind(quote.translation)
                try $0.bind(quote.paragraph)
            }
        }

        let searchText = StoryContent.searchText(of: story)
        try insertSearch.run { try $0.bind(storyID); try $0.bind(story.title); try $0.bind(searchText) }
    }

    /// Replaces the mentions and entities of the stored story `storyID` with those of `story`, the same story
    /// annotated again (same sections and paragraphs, in the same order), and records its annotation version.
    /// Its text, quotes, read mark and feed items stay. The old entity rows' counts go back through the
    /// `story_entities` delete trigger; the new ones are added by `finish()`.
    mutating func reannotate(storyID: Int64, with story: Story) throws {
        // The stored body keeps its text and original; only its mentions columns change.
        guard let blob = try Data.fetchOne(db.cachedStatement(sql: "SELECT body FROM stories WHERE id = ?"),
                                           arguments: [storyID]),
              var contents = StoryBody.decode(blob),
              contents.sections.map(\.count) == story.sections.map(\.paragraphs.count)
        else { throw StoreError.noSuchStory(id: storyID) }
        try deleteStoryEntities(storyID: storyID)
        let storyEntities = StoryEntities(story)
        let slots = try insertEntities(storyEntities)
        var place = 0
        for (s, section) in story.sections.enumerated() {
            for (p, paragraph) in section.paragraphs.enumerated() {
                let rows = storyEntities.mentionRows[place]
                contents.sections[s][p].mentions = ParagraphMentions.encode(paragraph.mentions, in: paragraph.text) {
                    rows[$0]
                }
                place += 1
            }
        }
        let parts = zip(story.sections, contents.sections).map { StoryBody.Part(title: $0.title, paragraphs: $1) }
        try insertStoryEntities(storyEntities, slots: slots, storyID: storyID)
        let top = EntityRanking.topNames(storyEntities.entities)
        try db.cachedStatement(sql: """
            UPDATE stories SET top_entity_1 = ?, top_entity_2 = ?, top_entity_3 = ?, annotation_version = ?, body = ?
            WHERE id = ?
            """).execute(arguments: [top.count > 0 ? top[0] : nil, top.count > 1 ? top[1] : nil,
                                     top.count > 2 ? top[2] : nil, story.annotationVersion,
                                     StoryBody.encode(sections: parts, original: contents.original), storyID])
    }

    /// The cache-wide entities the story's entity rows need. A person named only in the credits
    /// (`Reporting by Daniel Otieno`) keeps no surname: no other story's lone `Otieno` may link to a reporter.
    /// Returns each entity's place in `entityRows`.
    private mutating func insertEntities(_ storyEntities: StoryEntities) throws -> [Int] {
        var slots: [Int] = []
        slots.reserveCapacity(storyEntities.entities.count)
        for (entity, inText) in zip(storyEntities.entities, storyEntities.namedInText) {
            // Once per transaction; once more when a credit-only person turns up in a story's text; and again for each
            // story that knows the entity from the knowledge base, as the upsert would take in that story's row (the
            // same stories then give the same rows however the transactions cut them).
            let slot = entitySlots[entity.key]
            slots.append(slot ?? entityRows.count)
            let firstInText = inText && !(slot.map { entityRows[$0].namedInText } ?? false)
            let known = !entity.knownAliases.isEmpty || entity.country != nil || entity.canonicalName != entity.name
            guard slot == nil || firstInText || known else { continue }
            let surname = inText ? SurnameLinks.surname(ofKey: entity.key) : nil
            let canonicalName = known ? entity.canonicalName : nil
            if let slot {
                if firstInText { entityRows[slot].namedInText = true }
                entityRows[slot].merge(surname: surname, canonicalName: canonicalName,
                                       knownAliases: entity.knownAliases, country: entity.country)
            } else {
                var row = EntityRow(key: entity.key, name: entity.name, type: entity.type.rawValue, surname: surname,
                                    canonicalName: canonicalName, knownAliases: entity.knownAliases,
                                    country: entity.country)
                row.namedInText = inText
                if let stored = try lookUpEntity.texts(5, { try $0.bind(entity.key) }) {
                    row.storedName = stored[0] ?? row.name
                    row.stored = EntityRow.Stored(surname: stored[1], canonicalName: stored[2],
                                                  knownAliases: stored[3] ?? "", country: stored[4])
                }
                entitySlots[entity.key] = entityRows.count
                entityRows.append(row)
            }
            if inText, let linked = surname ?? SurnameLinks.loneSurname(ofKey: entity.key) { surnames.insert(linked) }
        }
        return slots
    }

    /// The story's entity rows, in order, each with its first mention, counted and kept for `finish()`; `slots` are
    /// their entities' places in `entityRows` (`insertEntities`).
    private mutating func insertStoryEntities(_ storyEntities: StoryEntities, slots: [Int], storyID: Int64) throws {
        for (position, entity) in storyEntities.entities.enumerated() {
            let first = storyEntities.firstMentions[position]
            let slot = slots[position]
            // A row's name is '' when it is the entity's own (most are), its aliases '' when none
            // ("v13 leaner cache").
            let entityName = entityRows[slot].storedName
            storyEntityRows.append(StoryEntityRow(
                storyID: storyID, slot: slot, position: position, name: entity.name == entityName ? "" : entity.name,
                aliases: entity.aliases.isEmpty ? "" : JSONStringArray.encode(entity.aliases), mentions: entity.mentions,
                first: first))
            entityRows[slot].stories += 1
            entityRows[slot].mentions += entity.mentions
        }
    }

    /// Writes the stories' entity rows and the entities they name, with what they add to their counts, and links
    /// their lone surnames; call once, after the last `insert` of the transaction. Both in entity order, so that
    /// each page of the entities and of the index by entity is read and written once.
    func finish() throws {
        // The keys are sorted once, for both loops; the rows then sort by their key's place and story, integers
        // (compared as strings, the rows' sort was 2 % of an import's instructions).
        let order = entityRows.indices.sorted { entityRows[$0].key < entityRows[$1].key }
        for row in storyEntityRowsInOrder(order) {
            try insertStoryEntity.run {
                try $0.bind(row.storyID); try $0.bind(entityRows[row.slot].key); try $0.bind(row.position)
                try $0.bind(row.name)
                try $0.bind(row.aliases); try $0.bind(row.mentions)
                try $0.bind(row.first?.paragraph); try $0.bind(row.first?.start); try $0.bind(row.first?.end)
            }
        }
        let upsert = try RowWrite(db, sql: """
            INSERT INTO entities (key, name, type, surname, canonical_name, known_aliases, country, story_count,
                                  mention_count)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (key) DO UPDATE SET surname = coalesce(entities.surname, excluded.surname),
                canonical_name = coalesce(excluded.canonical_name, entities.canonical_name),
                known_aliases = CASE WHEN excluded.canonical_name IS NULL THEN entities.known_aliases
                                     ELSE excluded.known_aliases END,
                country = coalesce(excluded.country, entities.country),
                story_count = entities.story_count + excluded.story_count,
                mention_count = entities.mention_count + excluded.mention_count
            """)
        // An entity the cache has whose fields the upsert would leave as they are (most, in a fetch into a cache of
        // any size) has only its counts added to: its surname index is then left alone, and no insert is tried first.
        let recount = try RowWrite(db, sql: """
            UPDATE entities SET story_count = story_count + ?, mention_count = mention_count + ? WHERE key = ?
            """)
        for slot in order {
            let row = entityRows[slot]
            if row.changesOnlyCounts {
                try recount.run { try $0.bind(row.stories); try $0.bind(row.mentions); try $0.bind(row.key) }
                continue
            }
            try upsert.run {
                try $0.bind(row.key); try $0.bind(row.name); try $0.bind(row.type); try $0.bind(row.surname)
                try $0.bind(row.canonicalName); try $0.bind(JSONStringArray.encode(row.knownAliases))
                try $0.bind(row.country)
                try $0.bind(row.stories); try $0.bind(row.mentions)
            }
        }
        try SurnameLinks.link(surnames.sorted(), in: db)
    }

    /// The stories' entity rows by entity key, then story id; `order` is `entityRows`' places, sorted by key.
    private func storyEntityRowsInOrder(_ order: [Int]) -> [StoryEntityRow] {
        var place = [Int](repeating: 0, count: entityRows.count)
        for (k, slot) in order.enumerated() { place[slot] = k }
        let ranked = storyEntityRows.enumerated().map { (place: place[$1.slot], storyID: $1.storyID, row: $0) }
            .sorted { ($0.place, $0.storyID) < ($1.place, $1.storyID) }
        return ranked.map { storyEntityRows[$0.row] }
    }

    /// Room `entitySlots` starts with: about what a 500-story chunk of news names.
    private static let expectedEntities = 4096
}
