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
        // Most surnames have nothing to link: one indexed look-up says so before anything else runs. Both look-ups
        // run once per surname the transaction names, bound through SQLite's C API (`RowWrite`).
        let linkable = try RowWrite(db, sql: """
            SELECT EXISTS (SELECT 1 FROM entities WHERE key = 'PER:' || ?1 AND story_count > 0)
               AND (SELECT COUNT(*) FROM entities WHERE surname = ?1 AND story_count > 0) = 1
            """)
        // Exactly one, when `linkable` said yes.
        let person = try RowWrite(db, sql: "SELECT key FROM entities WHERE surname = ?1 AND story_count > 0")
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
        let candidates = try surnames.filter { surname in try linkable.int64 { try $0.bind(surname) } == 1 }
        guard !candidates.isEmpty else { return }
        let inside = try namesHolding(Set(candidates), in: db)
        for surname in candidates {
            // Not when another person has the surname inside or first in a longer name (`Samuel Otieno Kariuki`
            // leaves `Otieno` alone).
            guard let key = try person.text({ try $0.bind(surname) }),
                  inside[surname]?.contains(where: { $0 != key }) != true else { continue }
            try stories.execute(arguments: [surname, key])
            for statement in speakers { try statement.execute(arguments: [surname, key]) }
        }
    }

    /// For each of `surnames`, the people in the cache (named in a story) whose longer name has it in another place
    /// than last: inside (`PER:samuel-otieno-kariuki`) or first (`PER:otieno-kariuki`). One pass over the people's
    /// keys for all of them, not one a surname: the pass is as long as the cache's list of people, so it reads each
    /// key's bytes in place and makes a string only of a key that holds one. Linking moves stories only to keys
    /// already named in a story and away from one-word keys, so no link changes the answer for another surname of
    /// the same pass.
    private static func namesHolding(_ surnames: Set<String>, in db: Database) throws -> [String: [String]] {
        // The surnames by byte count, so a part of a key is compared only with those as long as it is.
        var byLength: [Int: [(surname: String, bytes: [UInt8])]] = [:]
        for surname in surnames { byLength[surname.utf8.count, default: []].append((surname, Array(surname.utf8))) }
        var holding: [String: [String]] = [:]
        // People's keys only (every one starts 'PER:'; ';' follows ':'): a range of the primary key.
        let keys = try RowWrite(db, sql: """
            SELECT key FROM entities WHERE key > 'PER:' AND key < 'PER;' AND type = 'PER' AND story_count > 0
            """)
        try keys.eachText({ _ in }) { key in
            // The parts between `PER:` and the last `-`, each against the surnames of its length.
            var start = 4
            for end in start..<key.count where key[end] == UInt8(ascii: "-") {
                if let same = byLength[end - start] {
                    let part = UnsafeBufferPointer(rebasing: key[start..<end])
                    for (surname, bytes) in same where bytes.elementsEqual(part) {
                        holding[surname, default: []].append(String(decoding: key, as: UTF8.self))
                    }
                }
                start = end + 1
            }
        }
        return holding
    }
}
