import BriefModel
import BriefTagger
import Foundation
import GRDB

/// The cache façade: the only type that writes. Every change is one transaction; readers see whole stories.
///
/// ```swift
/// let store = try Store(path: CachePath.resolve(explicit: nil))
/// let outcomes = try store.importStories(items)
/// let unread = try store.summaries(unreadOnly: true)
/// ```
public final class Store: Sendable {
    let writer: any DatabaseWriter
    /// The cache file, or nil for an in-memory store.
    public let path: String?

    /// Opens (creating and migrating if needed) the cache at `path`, creating its directory when needed.
    /// A file that is not a Brief cache, or a cache from a newer Brief, is refused and left untouched.
    public init(path: String) throws {
        if path == ":memory:" {
            writer = try DatabaseQueue()
            self.path = nil
        } else {
            do {
                try Self.retryingWhileAnotherOpens { try Self.vetExistingFile(at: path) }
            } catch let error as DatabaseError {
                throw Self.openError(error, path: path)
            }
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                do {
                    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                } catch {
                    throw StoreError.cannotOpen(path: path, reason: "cannot create directory \(directory)")
                }
            }
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            // Stories are 2–4 KB rows; 4 KB pages would hold one each and waste about half the file.
            // Only takes effect on a new, empty file (before WAL mode is set).
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA page_size = 16384")
                // The writer's page cache: a fetch or import inserts rows into a dozen indexes at once, and with
                // SQLite's 2 MB default their pages are evicted and read back over and over (a 10,000-story fetch
                // stores in 1.4 s instead of 1.9 s of CPU). It fills only as far as a big write needs it; readers
                // keep the default.
                if !db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = -32768") }
            }
            do {
                writer = try Self.retryingWhileAnotherOpens {
                    let pool = try DatabasePool(path: path, configuration: configuration)
                    try CacheSchema.migrator.migrate(pool)
                    return pool
                }
            } catch let error as DatabaseError {
                throw Self.openError(error, path: path)
            }
            self.path = path
            return
        }
        do {
            try CacheSchema.migrator.migrate(writer)
        } catch let error as DatabaseError {
            throw Self.openError(error, path: path)
        }
    }

    /// Runs `open` again while another process is creating or migrating the same cache. GRDB's migrator reads
    /// which migrations are applied before taking the write lock, so two processes opening a new cache at once
    /// (the reader and a fetch) can both try to create the tables or add the columns; the loser rolls back
    /// ("already exists", "duplicate column name", a migration recorded twice, or SQLITE_BUSY while WAL mode is
    /// being set) and, run again, finds the schema in place.
    private static func retryingWhileAnotherOpens<T>(_ open: () throws -> T) throws -> T {
        let deadline = Date().addingTimeInterval(10)
        while true {
            do {
                return try open()
            } catch let error as DatabaseError where Date() < deadline {
                let message = error.message ?? ""
                let raced = error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
                    || (error.resultCode == .SQLITE_ERROR
                        && (message.hasSuffix("already exists") || message.hasPrefix("duplicate column name")))
                    || (error.resultCode == .SQLITE_CONSTRAINT && message.hasSuffix("grdb_migrations.identifier"))
                if !raced { throw error }
                usleep(50_000)
            }
        }
    }

    /// A store in memory, for unit tests.
    public static func inMemory() throws -> Store { try Store(path: ":memory:") }

    // MARK: - Reading

    /// Story list rows, newest first (published date; undated stories by import time).
    public func summaries(unreadOnly: Bool = false) throws -> [StorySummary] {
        try writer.read { db in
            let filter = unreadOnly ? "WHERE s.read_at IS NULL" : ""
            // The list's covering index even for unread rows: the unread-only partial index would read each
            // story's row, text and all.
            let rows = try Row.fetchCursor(db, sql: """
                SELECT \(Self.summaryColumns) FROM stories s INDEXED BY stories_list \(filter)
                ORDER BY s.list_date DESC, s.id DESC
                """)
            var summaries: [StorySummary] = []
            var dates = StoredDates()
            while let row = try rows.next() { summaries.append(Self.summary(from: row, dates: &dates)) }
            return summaries
        }
    }

    /// One story with its sections, quotes, mentions and entities, or nil if there is no such id.
    public func story(id: Int64) throws -> StoredStory? {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT \(Self.summaryColumns), s.dateline_places, s.dateline_agency
                FROM stories s WHERE s.id = ?
                """, arguments: [id]) else { return nil }
            let summary = Self.summary(from: row)
            let decoder = JSONDecoder()
            var dateline: Dateline?
            if let placesJSON: String = row["dateline_places"] {
                let places = (try? decoder.decode([String].self, from: Data(placesJSON.utf8))) ?? []
                dateline = Dateline(places: places, agency: row["dateline_agency"])
            }

            // Cursors and column positions: a long story has thousands of mentions, and copying each row or
            // looking its columns up by name was most of the time it took to open.
            var mentionsByParagraph: [Int64: [Mention]] = [:]
            let mentionRows = try Row.fetchCursor(db, sql: """
                SELECT paragraph_id, start, "end", type, text, entity_key FROM mentions
                WHERE story_id = ? ORDER BY paragraph_id, start, id
                """, arguments: [id])
            var types: [String: EntityType] = [:]
            while let m = try mentionRows.next() {
                let typeName: String = m[3]
                let type = types[typeName] ?? {
                    let type = EntityType(rawValue: typeName) ?? .group
                    types[typeName] = type
                    return type
                }()
                mentionsByParagraph[m[0], default: []].append(
                    Mention(start: m[1], end: m[2], type: type, text: m[4], entity: m[5]))
            }
            var paragraphsBySection: [Int64: [Paragraph]] = [:]
            let paragraphRows = try Row.fetchCursor(db, sql: """
                SELECT id, section_id, text FROM paragraphs WHERE story_id = ? ORDER BY section_id, position
                """, arguments: [id])
            while let p = try paragraphRows.next() {
                let paragraphID: Int64 = p[0]
                paragraphsBySection[p[1], default: []].append(
                    Paragraph(text: p[2], mentions: mentionsByParagraph.removeValue(forKey: paragraphID) ?? []))
            }
            var sections: [Section] = []
            let sectionRows = try Row.fetchCursor(db, sql: """
                SELECT id, kind, title FROM sections WHERE story_id = ? ORDER BY position
                """, arguments: [id])
            while let s = try sectionRows.next() {
                let sectionID: Int64 = s[0]
                sections.append(Section(kind: SectionKind(rawValue: s[1]) ?? .body, title: s[2],
                                        paragraphs: paragraphsBySection.removeValue(forKey: sectionID) ?? []))
            }
            let quotes = try Row.fetchAll(db, sql: """
                SELECT text, speaker FROM quotes WHERE story_id = ? ORDER BY position
                """, arguments: [id]).map { Quote(text: $0["text"], speaker: $0["speaker"]) }
            let entities = try Row.fetchAll(db, sql: """
                SELECT se.entity_key, se.name, se.aliases, se.mentions, e.type
                FROM story_entities se JOIN entities e ON e.key = se.entity_key
                WHERE se.story_id = ? ORDER BY se.position
                """, arguments: [id]).map { e -> Entity in
                let aliasesJSON: String = e["aliases"]
                let aliases = Self.strings(fromJSON: aliasesJSON, decoder)
                return Entity(key: e["entity_key"], name: e["name"], type: EntityType(rawValue: e["type"]) ?? .group,
                              aliases: aliases, mentions: e["mentions"])
            }
            let story = Story(title: summary.title, dateline: dateline, sections: sections, quotes: quotes,
                              entities: entities)
            return StoredStory(summary: summary, story: story)
        }
    }

    /// The source text a story was imported from, verbatim, or nil if there is no such id.
    public func originalText(id: Int64) throws -> String? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT original_text FROM stories WHERE id = ?", arguments: [id])
        }
    }

    /// Number of stories, or of unread stories.
    public func count(unreadOnly: Bool = false) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stories" + (unreadOnly ? " WHERE read_at IS NULL" : "")) ?? 0
        }
    }

    /// Entities mentioned anywhere in the cache, most mentioned first.
    /// - Parameters:
    ///   - type: only entities of this type, or all.
    ///   - nameFilter: only entities whose name contains this text (ignoring case and accents), or all.
    public func entities(type: EntityType? = nil, nameFilter: String? = nil) throws -> [EntitySummary] {
        // The counts are kept on each entity (see the "v3" migration), so this is one walk of their index.
        let all = try writer.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT key, name, type, story_count, mention_count FROM entities
                WHERE story_count > 0 AND (?1 IS NULL OR type = ?1)
                ORDER BY mention_count DESC, story_count DESC, name
                """, arguments: [type?.rawValue])
            var entities: [EntitySummary] = []
            while let row = try rows.next() {
                entities.append(EntitySummary(key: row[0], name: row[1], type: EntityType(rawValue: row[2]) ?? .group,
                                              stories: row[3], mentions: row[4]))
            }
            return entities
        }
        guard let filter = nameFilter?.trimmingCharacters(in: .whitespaces), !filter.isEmpty else { return all }
        return all.filter { $0.name.range(of: filter, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
    }

    /// Every story mentioning the entity `key`, newest first, each with the paragraph of its first mention.
    public func stories(mentioning key: String) throws -> [MentioningStory] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.summaryColumns), p.text AS paragraph, m.start AS mention_start, m."end" AS mention_end
                FROM story_entities se
                JOIN stories s ON s.id = se.story_id
                JOIN mentions m ON m.id = (SELECT id FROM mentions WHERE entity_key = se.entity_key
                                           AND story_id = se.story_id ORDER BY paragraph_id, start LIMIT 1)
                JOIN paragraphs p ON p.id = m.paragraph_id
                WHERE se.entity_key = ?
                ORDER BY s.list_date DESC, s.id DESC
                """, arguments: [key]).map { row in
                MentioningStory(summary: Self.summary(from: row), paragraph: row[Self.summaryColumnCount],
                                start: row[Self.summaryColumnCount + 1], end: row[Self.summaryColumnCount + 2])
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
                SELECT se.name, se.aliases, se.mentions, e.type
                FROM story_entities se JOIN entities e ON e.key = se.entity_key
                WHERE se.story_id = ? AND se.entity_key = ?
                """)
            for id in ids {
                guard let row = try Row.fetchOne(statement, arguments: [id, key]) else { continue }
                let aliasesJSON: String = row[1]
                let aliases = Self.strings(fromJSON: aliasesJSON, decoder)
                found.append(Entity(key: key, name: row[0], type: EntityType(rawValue: row[3]) ?? .group,
                                    aliases: aliases, mentions: row[2]))
            }
            return found
        }
    }

    /// Stories whose headline or text match every word of `query`, best match first: at most the best
    /// `searchLimit` of them.
    /// The words are searched as plain words: FTS operators and punctuation in `query` have no special meaning.
    public func search(_ query: String) throws -> [StorySummary] {
        try search(query, limit: Self.searchLimit)
    }

    /// How many matches `search(_:)` returns at most: more than a reader pages through, few enough that
    /// a word in every story still answers within a frame.
    public static let searchLimit = 500

    /// Stories whose headline or text match every word of `query`, best match first, at most `limit` of them
    /// (among equally good matches at the cut, the latest imported).
    /// The words are searched as plain words: FTS operators and punctuation in `query` have no special meaning.
    public func search(_ query: String, limit: Int) throws -> [StorySummary] {
        try search(query, unreadOnly: false, limit: limit)
    }

    /// Stories whose headline or text match every word of `query`, best match first, at most `limit` of them;
    /// with `unreadOnly`, only unread ones (filtered before the cut, so read matches never crowd them out).
    public func search(_ query: String, unreadOnly: Bool, limit: Int = Store.searchLimit) throws -> [StorySummary] {
        guard let match = Self.ftsPhrases(query), limit > 0 else { return [] }
        // Rank and cut inside the full-text index first, so only the stories shown are read. Unread-only
        // needs each match's read mark before the cut, so it reads the stories it ranks.
        let best = unreadOnly ? """
            SELECT story_search.rowid AS id, bm25(story_search, 4.0, 1.0) AS rank
            FROM story_search JOIN stories r ON r.id = story_search.rowid
            WHERE story_search MATCH ? AND r.read_at IS NULL ORDER BY rank, story_search.rowid DESC LIMIT ?
            """ : """
            SELECT rowid AS id, bm25(story_search, 4.0, 1.0) AS rank FROM story_search
            WHERE story_search MATCH ? ORDER BY rank, rowid DESC LIMIT ?
            """
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.summaryColumns)
                FROM (\(best)) AS best
                JOIN stories s ON s.id = best.id
                ORDER BY best.rank, s.list_date DESC, s.id DESC
                """, arguments: [match, limit]).map(Self.summary(from:))
        }
    }

    /// What is wrong with the cache file, or an empty list when it is sound: SQLite's own
    /// `PRAGMA integrity_check` and foreign-key check, then Brief's own invariants (a section's paragraphs and a
    /// paragraph's mentions belong to its story; every story has one search row and every search row a story;
    /// each entity's counts match its stories).
    public func integrityProblems() throws -> [String] {
        try writer.read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            problems += try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                "foreign key broken in \(row[0] as String? ?? "?") row \(row[1] as Int64? ?? -1)"
            }
            let checks: [(String, String)] = [
                ("paragraphs of another story's section", """
                    SELECT COUNT(*) FROM paragraphs p JOIN sections c ON c.id = p.section_id WHERE c.story_id <> p.story_id
                    """),
                ("mentions of another story's paragraph", """
                    SELECT COUNT(*) FROM mentions m JOIN paragraphs p ON p.id = m.paragraph_id WHERE p.story_id <> m.story_id
                    """),
                ("stories without a search row",
                 "SELECT COUNT(*) FROM stories s WHERE NOT EXISTS (SELECT 1 FROM story_search WHERE rowid = s.id)"),
                ("entities whose story or mention count disagrees with their stories", """
                    SELECT COUNT(*) FROM entities e
                    WHERE story_count <> (SELECT COUNT(*) FROM story_entities WHERE entity_key = e.key)
                       OR mention_count <> (SELECT COALESCE(SUM(mentions), 0) FROM story_entities WHERE entity_key = e.key)
                    """),
                ("search rows without a story",
                 "SELECT COUNT(*) FROM story_search f WHERE NOT EXISTS (SELECT 1 FROM stories WHERE id = f.rowid)"),
            ]
            for (what, sql) in checks {
                let count = try Int.fetchOne(db, sql: sql) ?? 0
                if count > 0 { problems.append("\(count) \(what)") }
            }
            return problems
        }
    }

    // MARK: - Writing

    /// Stores annotated stories in one transaction: all of them or (on error) none.
    /// Content already in the cache (same source text) keeps its id and read state and is reported `.existing`.
    public func importStories(_ items: [ImportItem]) throws -> [ImportOutcome] {
        let now = Date()
        return try writer.write { db in
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

    /// Marks stories read (sets `read_at` to now; stories already read keep their time) or unread (clears it).
    /// Throws `StoreError.noSuchStory` and changes nothing if any id is unknown.
    public func setRead(_ read: Bool, ids: [Int64]) throws {
        let now = Date()
        try writer.write { db in
            for id in ids {
                if try !Self.exists(id, db) { throw StoreError.noSuchStory(id: id) }
            }
            let sql = read ? "UPDATE stories SET read_at = ? WHERE id = ? AND read_at IS NULL"
                           : "UPDATE stories SET read_at = NULL WHERE id = ?"
            let statement = try db.cachedStatement(sql: sql)
            for id in ids {
                try statement.execute(arguments: read ? [now, id] : [id])
            }
        }
    }

    /// Marks every unread story read; returns the ids it changed (for undo).
    public func markAllRead() throws -> [Int64] {
        let now = Date()
        return try writer.write { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM stories WHERE read_at IS NULL ORDER BY id")
            try db.execute(sql: "UPDATE stories SET read_at = ? WHERE read_at IS NULL", arguments: [now])
            return ids
        }
    }

    // MARK: - Helpers

    /// The list-row columns of `stories s`, read by position in `summary(from:)`: the story's top three entity
    /// names are kept on the row at import, so a list of thousands needs no per-row subquery.
    private static let summaryColumns = """
        s.id, s.title, s.source, s.published, s.imported_at, s.read_at, s.top_entity_1, s.top_entity_2, s.top_entity_3
        """
    /// How many columns `summaryColumns` selects; a query's own columns follow them.
    private static let summaryColumnCount = 9

    private static func summary(from row: Row) -> StorySummary {
        var dates = StoredDates()
        return summary(from: row, dates: &dates)
    }

    /// A list row; `dates` remembers import and read times already decoded, which a whole list shares by
    /// the thousand (one per import or mark-all-read), so each is parsed once.
    private static func summary(from row: Row, dates: inout StoredDates) -> StorySummary {
        var top: [String] = []
        for index in 6..<9 {
            if let name: String = row[index] { top.append(name) }
        }
        // A time that is not a date (a damaged row) reads as the epoch rather than stopping the reader.
        let importedAt: Date = dates.date(row[4] as String?) ?? (row[4] as Date?) ?? Date(timeIntervalSince1970: 0)
        let readText: String? = row[5]
        let readAt: Date? = readText == nil ? nil : dates.date(readText) ?? (row[5] as Date?)
        return StorySummary(id: row[0], title: row[1], source: row[2], published: row[3],
                            importedAt: importedAt, readAt: readAt, topEntities: top)
    }

    /// A stored JSON array of strings (aliases, dateline places); most are empty, and `JSONDecoder` costs
    /// more than the rest of a story's entity row, so `[]` is answered without it. Unreadable JSON gives none.
    private static func strings(fromJSON json: String, _ decoder: JSONDecoder) -> [String] {
        if json == "[]" { return [] }
        return (try? decoder.decode([String].self, from: Data(json.utf8))) ?? []
    }

    private static func exists(_ id: Int64, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM stories WHERE id = ?)", arguments: [id]) ?? false
    }

    /// The user's words as quoted FTS5 phrases (implicitly ANDed), or nil when no word is left.
    static func ftsPhrases(_ query: String) -> String? {
        let words = query.split(whereSeparator: { $0.isWhitespace })
            .filter { word in word.unicodeScalars.contains { CharacterSet.alphanumerics.contains($0) } }
            .map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// Refuses, without changing a byte, a file at `path` that is not an empty file or a Brief cache
    /// this build understands.
    private static func vetExistingFile(at path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue { throw StoreError.cannotOpen(path: path, reason: "it is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.cannotOpen(path: path, reason: "permission denied")
        }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        if header.isEmpty { return }  // SQLite treats an empty file as an empty database: nothing to lose.
        guard header.count == 100, header.starts(with: Data("SQLite format 3\0".utf8)) else {
            throw StoreError.notADatabase(path: path)
        }
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            try queue.read { db in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                // GRDB's own bookkeeping table is created first, so a cache another Brief is creating right now
                // may hold only that.
                let objects = try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM sqlite_master WHERE name NOT IN ('grdb_migrations', 'sqlite_autoindex_grdb_migrations_1')
                    """) ?? 0
                if applicationID != CacheSchema.applicationID {
                    let recorded = try db.tableExists("grdb_migrations")
                        ? try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations") ?? 0 : 0
                    if objects == 0 && recorded == 0 { return }  // an empty database: ours to initialise
                    throw StoreError.foreignDatabase(path: path)
                }
                guard try db.tableExists("grdb_migrations") else { return }
                let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                let known = Set(CacheSchema.migrator.migrations)
                let unknown = applied.filter { !known.contains($0) }.sorted()
                if !unknown.isEmpty { throw StoreError.newerSchema(path: path, unknown: unknown) }
            }
        } catch let error as DatabaseError where error.resultCode != .SQLITE_BUSY && error.resultCode != .SQLITE_LOCKED {
            throw openError(error, path: path)
        }
    }

    private static func openError(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: .notADatabase(path: path)
        // Another process held the write lock for the whole busy timeout (10 s: a stuck writer, not an import).
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            .cannotOpen(path: path, reason: "busy: another program is writing to it; try again")
        default: .cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }
}
