import GRDB

/// Links a person named by surname alone in one story (`Lavrov`, key `PER:lavrov`) to the person named in full
/// in others (`Sergei Lavrov`), so the entity page lists every story that mentions them. Within a story the tagger's
/// linker already does this; across stories only the cache can, when exactly one person in it has that surname.
/// Two people sharing it (`Joe Biden`, `Hunter Biden`) leave the lone surname its own entity.
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
    /// in the cache with that surname, if there is exactly one. Entity counts follow through the `story_entities`
    /// update trigger. (The "v5" migration does the same, in its own SQL, for every lone surname of an older cache.)
    static func link(_ surnames: [String], in db: Database) throws {
        guard !surnames.isEmpty else { return }
        // Most surnames have nothing to link: one indexed look-up says so before any update runs.
        let linkable = try db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM entities WHERE key = 'PER:' || ?1)
               AND (SELECT COUNT(*) FROM entities WHERE surname = ?1) = 1
            """)
        let fullKey = "(SELECT key FROM entities WHERE surname = ?1)"
        // A story never holds both (its own linker joined them), but if one did its row stays: OR IGNORE.
        let stories = try db.cachedStatement(sql: """
            UPDATE OR IGNORE story_entities SET entity_key = \(fullKey) WHERE entity_key = 'PER:' || ?1
            """)
        // Mentions follow their story's entity row, so the two never disagree.
        let mentions = try db.cachedStatement(sql: """
            UPDATE mentions SET entity_key = \(fullKey)
            WHERE entity_key = 'PER:' || ?1
              AND NOT EXISTS (SELECT 1 FROM story_entities se
                              WHERE se.story_id = mentions.story_id AND se.entity_key = mentions.entity_key)
            """)
        for surname in surnames where try Bool.fetchOne(linkable, arguments: [surname]) == true {
            try stories.execute(arguments: [surname])
            try mentions.execute(arguments: [surname])
        }
    }
}
