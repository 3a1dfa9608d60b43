import GRDB

/// The cache's schema as append-only, named migrations. A migration, once shipped, is frozen: later
/// changes add a new one. Migrations use plain SQL only, never app types, so they stay valid forever.
enum CacheSchema {
    /// `PRAGMA application_id` of a Brief cache ("BRIF"), so a foreign SQLite file is recognised as such.
    static let applicationID: Int32 = 0x4252_4946

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 stories, sections, entities, search") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: """
                CREATE TABLE stories (
                    id INTEGER PRIMARY KEY,
                    content_hash TEXT NOT NULL UNIQUE,
                    original_text TEXT NOT NULL,
                    title TEXT NOT NULL,
                    source TEXT NOT NULL,
                    format TEXT NOT NULL,
                    published DATETIME,
                    imported_at DATETIME NOT NULL,
                    -- published, or the import time for undated stories: the list's order.
                    list_date DATETIME NOT NULL,
                    read_at DATETIME,
                    -- JSON array of places; NULL when the story has no dateline.
                    dateline_places TEXT,
                    dateline_agency TEXT
                );
                CREATE INDEX stories_by_list_date ON stories(list_date DESC, id DESC);
                CREATE INDEX stories_unread_by_list_date ON stories(list_date DESC, id DESC) WHERE read_at IS NULL;

                CREATE TABLE sections (
                    id INTEGER PRIMARY KEY,
                    story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    title TEXT,
                    UNIQUE (story_id, position)
                );

                CREATE TABLE paragraphs (
                    id INTEGER PRIMARY KEY,
                    section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
                    story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    UNIQUE (section_id, position)
                );
                CREATE INDEX paragraphs_by_story ON paragraphs(story_id);

                CREATE TABLE quotes (
                    id INTEGER PRIMARY KEY,
                    story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    speaker TEXT,
                    UNIQUE (story_id, position)
                );

                CREATE TABLE entities (
                    key TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    type TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX entities_by_type ON entities(type);

                CREATE TABLE mentions (
                    id INTEGER PRIMARY KEY,
                    paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
                    story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    entity_key TEXT NOT NULL REFERENCES entities(key),
                    text TEXT NOT NULL
                );
                CREATE INDEX mentions_by_paragraph ON mentions(paragraph_id);
                CREATE INDEX mentions_by_entity ON mentions(entity_key, story_id);

                -- The story's own view of an entity (its name and aliases there) and how often it mentions it.
                CREATE TABLE story_entities (
                    story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
                    entity_key TEXT NOT NULL REFERENCES entities(key),
                    position INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    aliases TEXT NOT NULL,
                    mentions INTEGER NOT NULL,
                    PRIMARY KEY (story_id, entity_key)
                ) WITHOUT ROWID;
                CREATE INDEX story_entities_by_entity ON story_entities(entity_key, story_id);

                -- Library search over headline and reading text; rowid is the story id.
                CREATE VIRTUAL TABLE story_search USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');
                """)
        }
        migrator.registerMigration("v2 feeds") { db in
            try db.execute(sql: """
                CREATE TABLE feeds (
                    id INTEGER PRIMARY KEY,
                    url TEXT NOT NULL UNIQUE,
                    title TEXT,
                    -- JSON array of tag names (OPML folders).
                    tags TEXT NOT NULL DEFAULT '[]',
                    etag TEXT,
                    last_modified TEXT,
                    last_fetched DATETIME,
                    last_error TEXT,
                    added_at DATETIME NOT NULL
                );

                -- Which story each feed item became. feed_key is the feed's address (or a local feed file's
                -- file: URL), not a foreign key, so removing a subscription or importing a file needs no feed row.
                CREATE TABLE feed_items (
                    feed_key TEXT NOT NULL,
                    item_id TEXT NOT NULL,
                    guid TEXT,
                    link TEXT,
                    fingerprint TEXT NOT NULL,
                    story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
                    PRIMARY KEY (feed_key, item_id)
                ) WITHOUT ROWID;
                CREATE INDEX feed_items_by_guid ON feed_items(guid) WHERE guid IS NOT NULL;
                CREATE INDEX feed_items_by_link ON feed_items(link) WHERE link IS NOT NULL;
                CREATE INDEX feed_items_by_fingerprint ON feed_items(fingerprint);
                CREATE INDEX feed_items_by_story ON feed_items(story_id);
                """)
        }
        // The reader's heavy lists without per-row work: each story's three most-mentioned entity names are kept
        // on the story (written at import), and each entity's story and mention counts on the entity (kept by
        // triggers, so any insert or delete of a story, cascades included, keeps them right).
        migrator.registerMigration("v3 list columns and entity counts") { db in
            try db.execute(sql: """
                ALTER TABLE stories ADD COLUMN top_entity_1 TEXT;
                ALTER TABLE stories ADD COLUMN top_entity_2 TEXT;
                ALTER TABLE stories ADD COLUMN top_entity_3 TEXT;
                UPDATE stories SET
                    top_entity_1 = (SELECT name FROM story_entities WHERE story_id = stories.id
                                    ORDER BY mentions DESC, position LIMIT 1 OFFSET 0),
                    top_entity_2 = (SELECT name FROM story_entities WHERE story_id = stories.id
                                    ORDER BY mentions DESC, position LIMIT 1 OFFSET 1),
                    top_entity_3 = (SELECT name FROM story_entities WHERE story_id = stories.id
                                    ORDER BY mentions DESC, position LIMIT 1 OFFSET 2);

                ALTER TABLE entities ADD COLUMN story_count INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE entities ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0;
                UPDATE entities SET
                    story_count = (SELECT COUNT(*) FROM story_entities WHERE entity_key = entities.key),
                    mention_count = (SELECT COALESCE(SUM(mentions), 0) FROM story_entities
                                     WHERE entity_key = entities.key);
                CREATE INDEX entities_by_count ON entities(mention_count DESC, story_count DESC, name);

                CREATE TRIGGER story_entities_counted_in AFTER INSERT ON story_entities BEGIN
                    UPDATE entities SET story_count = story_count + 1, mention_count = mention_count + new.mentions
                    WHERE key = new.entity_key;
                END;
                CREATE TRIGGER story_entities_counted_out AFTER DELETE ON story_entities BEGIN
                    UPDATE entities SET story_count = story_count - 1, mention_count = mention_count - old.mentions
                    WHERE key = old.entity_key;
                END;
                CREATE TRIGGER story_entities_recounted AFTER UPDATE OF entity_key, mentions ON story_entities BEGIN
                    UPDATE entities SET story_count = story_count - 1, mention_count = mention_count - old.mentions
                    WHERE key = old.entity_key;
                    UPDATE entities SET story_count = story_count + 1, mention_count = mention_count + new.mentions
                    WHERE key = new.entity_key;
                END;

                -- An entity page: its stories newest first straight from the entity's index entries.
                CREATE INDEX mentions_first_by_entity ON mentions(entity_key, story_id, paragraph_id, start);
                """)
        }
        // Indexes for the list and for opening a story. IF (NOT) EXISTS because a development build put them in
        // "v3" for a while; a cache it migrated must take this one as a no-op.
        migrator.registerMigration("v4 list and story indexes") { db in
            try db.execute(sql: """
                -- The story list read from the index alone: a walk of the table would read every story's text.
                CREATE INDEX IF NOT EXISTS stories_list ON stories(list_date DESC, id DESC, title, source, published,
                                                                   imported_at, read_at, top_entity_1, top_entity_2,
                                                                   top_entity_3);
                DROP INDEX IF EXISTS stories_by_list_date;
                -- Opening a story: its mentions without a walk of every story's.
                CREATE INDEX IF NOT EXISTS mentions_by_story ON mentions(story_id, paragraph_id, start);
                -- mentions_first_by_entity serves every lookup this one did.
                DROP INDEX IF EXISTS mentions_by_entity;
                """)
        }
        // The import totals each entity's new stories and mentions once per transaction (StoryWriter.finish)
        // instead of a trigger updating the entity, and its count index, for every story-entity row. Deletes and
        // updates keep their triggers: they are rare and must stay right whatever does them.
        // A person's surname (the last part of a key of several, `PER:sergei-lavrov` → `lavrov`) links stories
        // that name them by surname alone (`PER:lavrov`) when no one else in the cache has it (SurnameLinks).
        migrator.registerMigration("v5 entity counts totalled by the import, surnames") { db in
            try db.execute(sql: """
                DROP TRIGGER IF EXISTS story_entities_counted_in;
                ALTER TABLE entities ADD COLUMN surname TEXT;
                -- rtrim strips the last part's characters (every character of the key but '-'), leaving the rest.
                UPDATE entities SET surname = replace(key, rtrim(key, replace(key, '-', '')), '')
                WHERE type = 'PER' AND instr(substr(key, 5), '-') > 0 AND key NOT GLOB '*-';
                CREATE INDEX entities_by_surname ON entities(surname) WHERE surname IS NOT NULL;
                """)
            try db.execute(sql: """
                UPDATE OR IGNORE story_entities SET entity_key = (SELECT key FROM entities WHERE surname = substr(entity_key, 5))
                WHERE entity_key GLOB 'PER:*' AND entity_key NOT GLOB 'PER:*-*'
                  AND (SELECT COUNT(*) FROM entities WHERE surname = substr(entity_key, 5)) = 1;
                UPDATE mentions SET entity_key = (SELECT key FROM entities WHERE surname = substr(entity_key, 5))
                WHERE entity_key GLOB 'PER:*' AND entity_key NOT GLOB 'PER:*-*'
                  AND (SELECT COUNT(*) FROM entities WHERE surname = substr(entity_key, 5)) = 1
                  AND NOT EXISTS (SELECT 1 FROM story_entities se
                                  WHERE se.story_id = mentions.story_id AND se.entity_key = mentions.entity_key);
                """)
        }
        // A wire dateline's date (`Dateline.date`, as written: `Nov 3`), read at import since v1 but not kept until
        // now; and beside it the same date as a calendar day (ISO 8601, `2026-11-03`), for when the parser gives
        // one. Stories stored before this migration keep NULL in both: only parsing their text again could fill them.
        migrator.registerMigration("v6 dateline date") { db in
            try db.execute(sql: """
                ALTER TABLE stories ADD COLUMN dateline_date TEXT;
                ALTER TABLE stories ADD COLUMN dateline_day TEXT;
                """)
        }
        // Stars: `starred_at` is when a story was starred (NULL: not starred); the Starred view reads the few starred
        // stories through their own partial index, and every list row carries the mark, so the list's covering
        // index is rebuilt with it (StorySummaryRow). Folders need no schema: they are the feed's `tags` (OPML
        // outlines, `brief feed add --folder`), a JSON array read with json_each over a table of a few hundred rows.
        migrator.registerMigration("v7 stars and folders") { db in
            try db.execute(sql: """
                ALTER TABLE stories ADD COLUMN starred_at DATETIME;
                CREATE INDEX stories_starred ON stories(list_date DESC, id DESC) WHERE starred_at IS NOT NULL;
                DROP INDEX IF EXISTS stories_list;
                CREATE INDEX stories_list ON stories(list_date DESC, id DESC, title, source, published, imported_at,
                                                     read_at, top_entity_1, top_entity_2, top_entity_3, starred_at);
                """)
        }
        // Canonical entities: the knowledge base's name, its other names (JSON array) and, for places and national
        // bodies, the country, kept on each entity. A story's `annotation_version` is the `StoryAnnotator.version`
        // its mentions and entities came from (0: before this migration, or stored untagged); the re-annotation
        // pass (BriefLibrary `Reannotator`) re-tags the stories below the current version, one transaction each.
        // A credit-only person (`Reporting by …`) keeps no surname, so no other story's lone surname links to them.
        migrator.registerMigration("v8 canonical entities") { db in
            try db.execute(sql: """
                ALTER TABLE entities ADD COLUMN canonical_name TEXT;
                ALTER TABLE entities ADD COLUMN known_aliases TEXT NOT NULL DEFAULT '[]';
                ALTER TABLE entities ADD COLUMN country TEXT;
                ALTER TABLE stories ADD COLUMN annotation_version INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX stories_by_annotation_version ON stories(annotation_version, id);
                """)
        }
        // Who said what: each quote's speaker entity key, the description used when no name is given, its
        // translation and the paragraph it starts in; each turn's speaker and entity. `sectioning_version` is the
        // `ArticleParser.version` a story's sections and quotes came from (0: before this migration); the
        // re-sectioning pass (BriefLibrary `Resectioner`) sections older stories again from their original text,
        // one transaction each, which also fills `dateline_day` and a `published` date from the dateline.
        migrator.registerMigration("v9 quote speakers and dateline days") { db in
            try db.execute(sql: """
                ALTER TABLE quotes ADD COLUMN speaker_entity TEXT;
                ALTER TABLE quotes ADD COLUMN description TEXT;
                ALTER TABLE quotes ADD COLUMN translation TEXT;
                ALTER TABLE quotes ADD COLUMN paragraph INTEGER;
                CREATE INDEX quotes_by_speaker_entity ON quotes(speaker_entity) WHERE speaker_entity IS NOT NULL;
                ALTER TABLE sections ADD COLUMN speaker TEXT;
                ALTER TABLE sections ADD COLUMN speaker_entity TEXT;
                CREATE INDEX sections_by_speaker_entity ON sections(speaker_entity) WHERE speaker_entity IS NOT NULL;
                ALTER TABLE stories ADD COLUMN sectioning_version INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX stories_by_sectioning_version ON stories(sectioning_version, id);
                """)
        }
        // Sync with a feed server (one account). The account's address and user are here; its password is not (a
        // 0600 file beside the config). Every change of a story's read state or star is queued as an explicit set
        // operation by a trigger, so it is queued in the same transaction as the mark whatever made it, and only
        // when an account is configured and the story came from a feed (the only stories a server can know). A later
        // mark of the same story replaces the queued one (last write wins; `revision` counts the replacements).
        migrator.registerMigration("v10 sync queue and accounts") { db in
            try db.execute(sql: """
                CREATE TABLE sync_account (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    kind TEXT NOT NULL,
                    url TEXT NOT NULL,
                    user TEXT NOT NULL,
                    added_at DATETIME NOT NULL,
                    -- The highest server item id stored so far: the next sync asks for newer ones.
                    last_item_id INTEGER NOT NULL DEFAULT 0,
                    last_sync DATETIME,
                    last_error TEXT,
                    -- 1 only inside the sync's own write transaction while it applies the server's marks, so the
                    -- triggers queue nothing then; never committed as 1.
                    applying INTEGER NOT NULL DEFAULT 0
                );

                CREATE TABLE sync_queue (
                    story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
                    -- 'read' or 'star'
                    field TEXT NOT NULL,
                    -- 1: set (read, starred); 0: clear (unread, unstarred).
                    value INTEGER NOT NULL,
                    revision INTEGER NOT NULL DEFAULT 1,
                    queued_at DATETIME NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    last_error TEXT,
                    PRIMARY KEY (story_id, field)
                ) WITHOUT ROWID;

                -- Which story each server item is.
                CREATE TABLE sync_items (
                    server_id INTEGER PRIMARY KEY,
                    story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
                    feed_id INTEGER
                );
                CREATE INDEX sync_items_by_story ON sync_items(story_id);

                -- The server's subscriptions as of the last sync: a feed gone from one side since then was
                -- unsubscribed there.
                CREATE TABLE sync_feeds (
                    server_id INTEGER PRIMARY KEY,
                    url TEXT NOT NULL
                );

                CREATE TRIGGER stories_read_queued AFTER UPDATE OF read_at ON stories
                WHEN (old.read_at IS NULL) <> (new.read_at IS NULL)
                 AND EXISTS (SELECT 1 FROM sync_account WHERE applying = 0)
                 AND (EXISTS (SELECT 1 FROM feed_items WHERE story_id = new.id)
                      OR EXISTS (SELECT 1 FROM sync_items WHERE story_id = new.id))
                BEGIN
                    INSERT INTO sync_queue (story_id, field, value, queued_at)
                    VALUES (new.id, 'read', new.read_at IS NOT NULL, strftime('%Y-%m-%d %H:%M:%f', 'now'))
                    ON CONFLICT (story_id, field) DO UPDATE SET value = excluded.value, revision = revision + 1,
                        queued_at = excluded.queued_at, attempts = 0, last_error = NULL;
                END;

                CREATE TRIGGER stories_star_queued AFTER UPDATE OF starred_at ON stories
                WHEN (old.starred_at IS NULL) <> (new.starred_at IS NULL)
                 AND EXISTS (SELECT 1 FROM sync_account WHERE applying = 0)
                 AND (EXISTS (SELECT 1 FROM feed_items WHERE story_id = new.id)
                      OR EXISTS (SELECT 1 FROM sync_items WHERE story_id = new.id))
                BEGIN
                    INSERT INTO sync_queue (story_id, field, value, queued_at)
                    VALUES (new.id, 'star', new.starred_at IS NOT NULL, strftime('%Y-%m-%d %H:%M:%f', 'now'))
                    ON CONFLICT (story_id, field) DO UPDATE SET value = excluded.value, revision = revision + 1,
                        queued_at = excluded.queued_at, attempts = 0, last_error = NULL;
                END;
                """)
        }
        // Feed items whose stories were pruned, so a fetch of a feed that still carries them does not store them
        // again (newsboat keeps a deleted item's row for the same reason). Keyed as `feed_items` is (the feed, the
        // item's id in it); a row lives only while its feed still carries the item: a fetch of the whole feed drops
        // the rows of items it no longer carries and refreshes `seen_at` of the rest, and a prune drops rows not
        // seen for a long time (a feed no longer fetched), so the table stays as small as the feeds.
        migrator.registerMigration("v11 pruned items") { db in
            try db.execute(sql: """
                CREATE TABLE pruned_items (
                    feed_key TEXT NOT NULL,
                    item_id TEXT NOT NULL,
                    -- When a fetch last found the item in its feed (at first: when it was pruned).
                    seen_at DATETIME NOT NULL,
                    PRIMARY KEY (feed_key, item_id)
                ) WITHOUT ROWID;
                """)
        }
        // The lean cache: the story text kept once. A paragraph's mentions are one compact column on it
        // (`ParagraphMentions`: `start,end,TYPE,REF[,TEXT]` entries, REF the story entity row's position) instead of
        // a row each in three indexes; each story entity row keeps its first mention (paragraph id and scalar
        // offsets) for the entity page. A story's original text (read only to section it again) is kept
        // compressed in `original_deflated` (`DeflatedText`; `original_text` is then ''); stories stored before keep
        // theirs as text. The search index keeps no copy of the text: its content is the view
        // `story_search_source` (headline; section titles and paragraphs, one a line, in reading order), so a search
        // row must be deleted while the story's paragraphs are still there. One transaction: a kill leaves the cache
        // as it was, and the next open converts it again.
        migrator.registerMigration("v12 lean cache", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                ALTER TABLE stories ADD COLUMN original_deflated BLOB;
                ALTER TABLE paragraphs ADD COLUMN mentions TEXT;
                UPDATE paragraphs SET mentions = (
                    SELECT group_concat(entry, ';') FROM (
                        SELECT m.start || ',' || m."end" || ',' || m.type || ',' ||
                               coalesce(se.position, length(m.entity_key) || ':' || m.entity_key) ||
                               CASE WHEN m.text = substr(paragraphs.text, m.start + 1, m."end" - m.start) THEN ''
                                    ELSE ',' || length(m.text) || ':' || m.text END AS entry
                        FROM mentions m
                        LEFT JOIN story_entities se ON se.story_id = m.story_id AND se.entity_key = m.entity_key
                        WHERE m.paragraph_id = paragraphs.id
                        ORDER BY m.start, m.id))
                WHERE id IN (SELECT paragraph_id FROM mentions);

                ALTER TABLE story_entities ADD COLUMN first_paragraph INTEGER;
                ALTER TABLE story_entities ADD COLUMN first_start INTEGER;
                ALTER TABLE story_entities ADD COLUMN first_end INTEGER;
                UPDATE story_entities SET (first_paragraph, first_start, first_end) = (
                    SELECT paragraph_id, start, "end" FROM mentions
                    WHERE entity_key = story_entities.entity_key AND story_id = story_entities.story_id
                    ORDER BY paragraph_id, start LIMIT 1);
                DROP TABLE mentions;

                DROP TABLE story_search;
                CREATE VIEW story_search_source AS
                SELECT s.id AS id, s.title AS title,
                       (SELECT group_concat(line, char(10)) FROM (
                            SELECT c.position AS section, -1 AS place, c.title AS line FROM sections c
                            WHERE c.story_id = s.id AND c.title IS NOT NULL
                            UNION ALL
                            SELECT c.position, p.position, p.text FROM paragraphs p JOIN sections c ON c.id = p.section_id
                            WHERE p.story_id = s.id
                            ORDER BY 1, 2)) AS text
                FROM stories s;
                CREATE VIRTUAL TABLE story_search USING fts5(title, text, content = 'story_search_source',
                                                             content_rowid = 'id',
                                                             tokenize = 'unicode61 remove_diacritics 2');
                INSERT INTO story_search (story_search) VALUES ('rebuild');
                """)
        }
        // The leaner cache: a story's text is one compressed blob on its row (`stories.body`, `StoryBody`): section
        // titles, paragraphs, their mentions columns and the original text, which the paragraphs mostly repeat, so
        // zlib keeps the words about once. The paragraphs table goes; a paragraph is known by its place in reading
        // order across the story's sections (as a quote's `paragraph` already was), so a story entity's
        // `first_paragraph` becomes that place. The search index's content view reads the blob through the SQL
        // function `brief_search_text` (its words are the same, so the index stays as it is). A story entity's `name`
        // is '' when it is the entity's own name and its `aliases` '' when it has none. The functions are the store's
        // (`StoryBody.register`), added to the connection here too. One transaction: a kill leaves the cache as it
        // was, and the next open converts it again. The freed pages go back to the system with VACUUM (the store
        // runs it on the open after this conversion, `Store.compactIfPending`, marked by a row of the table
        // `compaction_pending` until done, so a kill during it leaves it to do on the next open). The list's two
        // indexes are rebuilt in ascending order (below).
        migrator.registerMigration("v13 leaner cache", foreignKeyChecks: .immediate) { db in
            StoryBody.register(in: db)
            try db.execute(sql: """
                ALTER TABLE stories ADD COLUMN body BLOB;
                UPDATE stories SET body = brief_story_body(
                    (SELECT group_concat(record, '') FROM (
                        SELECT c.position AS section, -1 AS place,
                               'S' || length(CAST(coalesce(c.title, '') AS BLOB)) || ':' || coalesce(c.title, '') AS record
                        FROM sections c WHERE c.story_id = stories.id
                        UNION ALL
                        SELECT c.position, p.position,
                               'P' || length(CAST(p.text AS BLOB)) || ':' || p.text ||
                               CASE WHEN p.mentions IS NULL THEN ''
                                    ELSE 'M' || length(CAST(p.mentions AS BLOB)) || ':' || p.mentions END
                        FROM paragraphs p JOIN sections c ON c.id = p.section_id
                        WHERE p.story_id = stories.id
                        ORDER BY 1, 2)),
                    original_text, original_deflated),
                    original_text = '', original_deflated = NULL;

                CREATE TEMP TABLE reading_place (id INTEGER PRIMARY KEY, place INTEGER NOT NULL);
                INSERT INTO temp.reading_place (id, place)
                SELECT p.id, row_number() OVER (PARTITION BY p.story_id ORDER BY c.position, p.position) - 1
                FROM paragraphs p JOIN sections c ON c.id = p.section_id;
                UPDATE story_entities SET first_paragraph = (SELECT place FROM temp.reading_place WHERE id = first_paragraph)
                WHERE first_paragraph IS NOT NULL;
                DROP TABLE temp.reading_place;
                UPDATE story_entities SET name = '' WHERE name = (SELECT name FROM entities WHERE key = entity_key);
                UPDATE story_entities SET aliases = '' WHERE aliases = '[]';

                DROP VIEW story_search_source;
                CREATE VIEW story_search_source AS
                SELECT id, title, brief_search_text(body) AS text FROM stories;
                DROP TABLE paragraphs;

                -- The list's indexes in ascending order (SQLite walks them backwards for the newest-first list): a
                -- fetch adds stories newer than those stored, so in ascending order they go at the end, where SQLite
                -- fills pages whole; at the start (descending) every split left two half-empty pages.
                DROP INDEX stories_list;
                CREATE INDEX stories_list ON stories(list_date, id, title, source, published, imported_at, read_at,
                                                     top_entity_1, top_entity_2, top_entity_3, starred_at);
                DROP INDEX stories_unread_by_list_date;
                CREATE INDEX stories_unread_by_list_date ON stories(list_date, id) WHERE read_at IS NULL;
                -- No query reads entities by type alone (a person's other names are found by key prefix).
                DROP INDEX entities_by_type;

                -- The conversion freed about half of the file's pages: a row here has the open give them back (VACUUM),
                -- then delete it. The table stays for any later conversion to do the same.
                CREATE TABLE compaction_pending (since DATETIME NOT NULL);
                INSERT INTO compaction_pending (since)
                SELECT strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE EXISTS (SELECT 1 FROM stories);
                """)
        }
        // FTS5 merges the search index's segments eight at a time rather than four (its `automerge` setting, kept in
        // `story_search_config`). Each fetch transaction writes a segment; merged four at a time, a term's entries
        // were rewritten more often. Built from 10,000 news stories in transactions of 500, the index took 20 % less
        // CPU to write and was 9 % smaller; at 100,000, 25 % less; a search reads more segments, which cost under
        // 0.1 ms a query there (measured with the system's SQLite 3.40 from Python).
        migrator.registerMigration("v14 search merges") { db in
            try db.execute(sql: "INSERT INTO story_search (story_search, rank) VALUES ('automerge', 8)")
        }
        return migrator
    }
}
