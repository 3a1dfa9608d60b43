extension StoryWriter {
    /// An entity row as `finish()` upserts it: the first story's name and type and what the later stories of the
    /// transaction add to it (merged as successive upserts would), with the stories and mentions it gains.
    struct EntityRow {
        let key: String
        var name: String
        var type: String
        var surname: String?
        var canonicalName: String?
        /// Encoded (`JSONStringArray`) only when `finish()` writes the row.
        var knownAliases: [String]
        var country: String?
        var stories = 0
        var mentions = 0
        /// The name the cache has for the entity: its row's when it has one, else this one's.
        var storedName: String
        /// Whether a story of the transaction names it outside its credits.
        var namedInText = false
        /// The cache's row for the entity, as the transaction found it; nil when it has none.
        var stored: Stored?

        /// The fields of a stored entity row the upsert in `finish()` may change.
        struct Stored {
            var surname: String?
            var canonicalName: String?
            /// As stored (`JSONStringArray`).
            var knownAliases: String
            var country: String?
        }

        /// Whether the upsert would change only the stored row's counts: it keeps a stored surname, takes a
        /// canonical name (with its aliases) and a country only where this row has them, and those are the same.
        var changesOnlyCounts: Bool {
            guard let stored else { return false }
            if surname != nil, stored.surname == nil { return false }
            if let country, country != stored.country { return false }
            if let canonicalName {
                guard canonicalName == stored.canonicalName, JSONStringArray.encode(knownAliases) == stored.knownAliases
                else { return false }
            }
            return true
        }

        init(key: String, name: String, type: String, surname: String?, canonicalName: String?,
             knownAliases: [String], country: String?) {
            self.key = key
            self.name = name
            self.type = type
            self.surname = surname
            self.canonicalName = canonicalName
            self.knownAliases = knownAliases
            self.country = country
            storedName = name
        }

        /// Takes in the same entity seen again, as the upsert in `finish()` takes in a row: the surname the row lacks,
        /// and the later canonical name (with its aliases) and country, where it has them.
        mutating func merge(surname later: String?, canonicalName laterCanonical: String?,
                            knownAliases laterAliases: [String], country laterCountry: String?) {
            surname = surname ?? later
            if laterCanonical != nil {
                canonicalName = laterCanonical
                knownAliases = laterAliases
            }
            country = laterCountry ?? country
        }
    }
}
