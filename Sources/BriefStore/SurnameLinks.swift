import GRDB

/// Links a person named by surname alone in one story (`Lavrov`, key `PER:lavrov`) to the person named in full
/// in others (`Sergei Lavrov`), so the entity page lists every story that mentions them. Within a story the tagger's
/// linker already does this; across stories only the cache can, and only on strong evidence:
/// - exactly one person in the cache has that surname (`Joe Biden` and `Hunter Biden` leave `Biden` alone), and no
///   other person has it inside a longer name (`Samuel Otieno Kariuki` leaves `Otieno` alone);
/// - people named only in credits have no surname here (`StoryWriter`): a reporter never takes over a lone surname;
/// - the lone-surname story shares context with a story naming the person in full: another entity, not a person,
///   that both mention (the country, the body they speak for, the talks).
///
/// A person's surname is the last part of their key (`PER:sergei-lavrov` → `lavrov`), kept in `entities.surname`.
enum SurnameLinks {
    /// The surname a person's key gives, or nil for a key of one word (or not a person's).
    static func surname(ofKey key: String) -> String? {
        guard key.hasPrefix("PER:"), let dash = key.lastIndex(of: "-"), key.index(after: dash) < key.endIndex else {
            return nil
        }
        return String(key[key.index(after: dash)...])
    }

    /// The lone-surname key a one-word person's key is (`PER:lavrov` → `lavrov`), or nil.
    static func loneSurname(ofKey key: String) -> String? {
        guard key.hasPrefix("PER:"), key.count > 4, !key.dropFirst(4).contains("-") else { return nil }
        return String(key.dropFirst(4))
    }

    /// Moves the stories and mentions of each lone surname listed (`lavrov` for `PER:lavrov`) to the one person
    /// in the cache with that surname, in each story that shares context with one of theirs. Entity counts follow
    /// through the `story_entities` update trigger; mentions name their story's entity row (`ParagraphMentions`), so
    /// they follow it.
    static func link(_ surnames: [String], in db: Database) throws {
        guard !surnames.isEmpty else { return }
        // Most surnames have nothing to link: one indexed look-up says so before anything else runs.
        let linkable = try db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM entities WHERE key = 'PER:' || ?1 AND story_count > 0)
               AND (SELECT COUNT(*) FROM entities WHERE surname = ?1 AND story_count > 0) = 1
            """)
        let person = try db.cachedStatement(sql: """
            SELECT key FROM entities e WHERE surname = ?1 AND story_count > 0
              AND NOT EXISTS (SELECT 1 FROM entities o
                              -- People's keys only (every one starts 'PER:'; ';' follows ':'): a range of the
                              -- primary key, not a scan of every entity in the cache.
                              WHERE o.key > 'PER:' AND o.key < 'PER;'
                                AND o.type = 'PER' AND o.story_count > 0 AND o.key <> e.key
                                -- The surname inside a longer name (`PER:samuel-otieno-kariuki`) or first in one
                                -- (`PER:otieno-kariuki`); instr and substr, not GLOB, whose leading `*` made
                                -- each key cost its length times the pattern's.
                                AND (instr(o.key, '-' || ?1 || '-') > 0
                                     OR substr(o.key, 1, length(?1) + 5) = 'PER:' || ?1 || '-'))
            """)
        // A story never holds both (its own linker joined them), but if one did its row stays: OR IGNORE.
        let stories = try db.cachedStatement(sql: """
            UPDATE OR IGNORE story_entities SET entity_key = ?2,
                -- '' named the old entity's own name: keep that name, not the new entity's.
                name = CASE name WHEN '' THEN (SELECT e.name FROM entities e WHERE e.key = story_entities.entity_key)
                                 ELSE name END
            WHERE entity_key = 'PER:' || ?1
              AND EXISTS (SELECT 1 FROM story_entities named
                          JOIN story_entities theirs ON theirs.story_id = named.story_id
                          JOIN story_entities mine ON mine.story_id = story_entities.story_id
                                                  AND mine.entity_key = theirs.entity_key
                          WHERE named.entity_key = ?2 AND theirs.entity_key NOT GLOB 'PER:*')
            """)
        // Quotes and turns spoken by the surname follow too, so the person's page and `brief quotes` have them.
        let speakers = try ["quotes", "sections"].map { table in
            try db.cachedStatement(sql: """
                UPDATE \(table) SET speaker_entity = ?2
                WHERE speaker_entity = 'PER:' || ?1
                  AND EXISTS (SELECT 1 FROM story_entities se WHERE se.story_id = \(table).story_id AND se.entity_key = ?2)
                """)
        }
        for surname in surnames where try Bool.fetchOne(linkable, arguments: [surname]) == true {
            guard let key = try String.fetchOne(person, arguments: [surname]) else { continue }
            try stories.execute(arguments: [surname, key])
            for statement in speakers { try statement.execute(arguments: [surname, key]) }
        }
    }
}
