import Foundation

/// Derives the tagger's lexicon from the shared data folder: word frequency (wordfreq), word clusters
/// (wordclusters), and gazetteers (GeoNames, ISO 3166, demonyms, US census names), plus our own title list.
///
/// Only single words are kept: a one-word name is flagged as the whole name (`country`), the words of a
/// longer one as parts (`countryWord`).
public enum LexiconBuilder {
    /// Builds the entries from `dataDirectory` (the folder holding `wordfreq/`, `wordclusters/`, `gazetteers/`).
    public static func build(dataDirectory: URL, knowledge: KnowledgeBase? = nil,
                             maxSurnameRank: Int = 20_000) throws -> [String: LexiconEntry] {
        var entries: [String: LexiconEntry] = [:]
        entries.reserveCapacity(250_000)

        for fields in try rows(dataDirectory, "wordfreq/en-top100k.tsv", separator: "\t", skipHeader: true) {
            guard fields.count >= 2, let zipf = Double(fields[1]) else { continue }
            entries[fields[0].lowercased(), default: LexiconEntry()].frequency = UInt8(clamping: 1 + Int(zipf * 2))
        }
        for fields in try rows(dataDirectory, "wordclusters/clusters.tsv", separator: "\t", skipHeader: true) {
            guard fields.count >= 4,
                  let c64 = Int16(fields[1]),
                  let c1024 = fields[2].split(separator: ".").last.flatMap({ Int16($0) }),
                  let c4096 = fields[3].split(separator: ".").last.flatMap({ Int16($0) }) else { continue }
            var e = entries[fields[0].lowercased(), default: LexiconEntry()]
            e.cluster64 = c64
            e.cluster1024 = c1024
            e.cluster4096 = c4096
            entries[fields[0].lowercased()] = e
        }
        func flag(_ name: String, whole: GazetteerFlags, part: GazetteerFlags) {
            let words = name.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if words.count == 1 {
                entries[words[0], default: LexiconEntry()].gazetteer.insert(whole)
            } else {
                // The whole name as a phrase the tagger matches over tokens.
                if words.count <= Lexicon.maxPhraseWords {
                    entries[words.joined(separator: " "), default: LexiconEntry()].gazetteer.insert(whole)
                }
                for w in words where !minorWords.contains(w) && w.count > 1 {
                    entries[w, default: LexiconEntry()].gazetteer.insert(part)
                }
            }
        }
        // Census names: fixed-width `NAME freq cumulative rank`, by rank.
        for (file, flags) in [("dist.male.first", GazetteerFlags.maleFirstName),
                              ("dist.female.first", .femaleFirstName)] {
            for fields in try rows(dataDirectory, "gazetteers/census-names/" + file, separator: " ", skipHeader: false) {
                if let name = fields.first { entries[name.lowercased(), default: LexiconEntry()].gazetteer.insert(flags) }
            }
        }
        for (rank, fields) in try rows(dataDirectory, "gazetteers/census-names/dist.all.last", separator: " ",
                                       skipHeader: false).enumerated() where rank < maxSurnameRank {
            guard let name = fields.first else { continue }
            let f: GazetteerFlags = rank < 1000 ? .commonSurname : (rank < 10_000 ? .surname : .rareSurname)
            entries[name.lowercased(), default: LexiconEntry()].gazetteer.insert(f)
        }
        // GeoNames.
        if let countries = try json(dataDirectory, "gazetteers/geonames/countries.json") as? [String: [String: Any]] {
            for c in countries.values {
                if let n = c["name"] as? String { flag(n, whole: .country, part: .countryWord) }
                if let n = c["capital"] as? String, !n.isEmpty { flag(n, whole: [.capital, .city], part: .cityWord) }
            }
        }
        if let cities = try json(dataDirectory, "gazetteers/geonames/cities15000.json") as? [String: [String: Any]] {
            for c in cities.values {
                if let n = c["name"] as? String { flag(n, whole: .city, part: .cityWord) }
            }
        }
        if let continents = try json(dataDirectory, "gazetteers/geonames/continents.json") as? [String: [String: Any]] {
            for c in continents.values {
                if let n = c["name"] as? String { flag(n, whole: .continent, part: .regionWord) }
            }
        }
        if let states = try json(dataDirectory, "gazetteers/geonames/us_states.json") as? [String: [String: Any]] {
            for s in states.values {
                if let n = s["name"] as? String { flag(n, whole: .region, part: .regionWord) }
            }
        }
        // ISO 3166 names of countries, former countries and subdivisions.
        for (file, key, whole, part) in [("iso3166-1.json", "3166-1", GazetteerFlags.country, GazetteerFlags.countryWord),
                                         ("iso3166-3.json", "3166-3", .country, .countryWord),
                                         ("iso3166-2.json", "3166-2", .region, .regionWord)] {
            guard let root = try json(dataDirectory, "gazetteers/iso3166/" + file) as? [String: Any],
                  let list = root[key] as? [[String: Any]] else { continue }
            for item in list {
                for field in ["name", "common_name", "official_name"] {
                    if let n = item[field] as? String { flag(n, whole: whole, part: part) }
                }
            }
        }
        if let demonyms = try json(dataDirectory, "gazetteers/iso3166/demonyms.countryinfo.json") as? [[String: Any]] {
            for d in demonyms {
                guard let n = d["demonym"] as? String else { continue }
                flag(n, whole: .demonym, part: .demonym)
                // Plurals of the commonest demonym shapes: Russians, Israelis.
                if n.hasSuffix("n") || n.hasSuffix("i") { flag(n + "s", whole: .demonym, part: .demonym) }
            }
        }
        for name in OrganisationNames.all { flag(name, whole: .organisation, part: []) }
        // Given names of many countries.
        for fields in try rows(dataDirectory, "gazetteers/person-names/given-names-by-country.tsv", separator: "\t",
                               skipHeader: true) {
            guard let name = fields.first, name.count >= 2 else { continue }
            entries[name.lowercased(), default: LexiconEntry()].gazetteer.insert(.givenName)
        }
        if let knowledge { addKnowledge(knowledge, to: &entries) }
        for t in TitleWords.all where !t.contains(" ") {
            entries[t, default: LexiconEntry()].gazetteer.insert(.title)
        }
        // Words with tabs or line breaks cannot be written to the TSV file.
        return entries.filter { !$0.key.isEmpty && !$0.key.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) }
    }

    /// Knowledge-base names as words and phrases split the way the tagger's tokenizer splits text (hyphenated
    /// words whole, which also makes the tokenizer keep them whole). A one-word name that is a common word in
    /// lower case (`IS`, `AA`) flags nothing: the flag would fire on every `is`.
    static func addKnowledge(_ knowledge: KnowledgeBase, to entries: inout [String: LexiconEntry]) {
        let tokenizer = Tokenizer(isKnownWord: { _ in true })
        for r in 0..<knowledge.count {
            let record = knowledge.record(r)
            let whole: GazetteerFlags, part: GazetteerFlags
            switch record.type {
            case .person: (whole, part) = (.knownPerson, .knownPersonWord)
            case .organisation: (whole, part) = (.knownOrganisation, .knownOrganisationWord)
            case .place: (whole, part) = (.knownPlace, .knownPlaceWord)
            case .group: continue
            }
            for name in [record.name] + record.aliases {
                let text = tokenizer.tokenize(name)
                let words = (0..<text.tokens.count).map { k in
                    String(String.UnicodeScalarView(text.text(of: k).unicodeScalars.map(WordInfo.normalise))).lowercased()
                }
                if words.count == 1 {
                    let w = words[0]
                    if (entries[w]?.frequency ?? 0) >= commonFrequency { continue }
                    entries[w, default: LexiconEntry()].gazetteer.insert(whole)
                } else if words.count >= 2 {
                    if words.count <= Lexicon.maxPhraseWords {
                        entries[words.joined(separator: " "), default: LexiconEntry()].gazetteer.insert(whole)
                    }
                    for w in words where !minorWords.contains(w) && w.unicodeScalars.count > 1 {
                        if w.contains("-") || (entries[w]?.frequency ?? 0) < commonFrequency {
                            entries[w, default: LexiconEntry()].gazetteer.insert(part)
                        }
                    }
                }
            }
        }
    }

    /// Frequency bucket (1 + 2 × Zipf) from which a word is common: Zipf 4.
    static let commonFrequency: UInt8 = 9

    private static let minorWords: Set<String> = ["of", "the", "and", "de", "la", "el", "le", "les", "del", "da", "do",
                                                  "des", "du", "di", "al", "und", "y", "e", "-", "&", "saint"]

    private static func text(_ directory: URL, _ path: String) throws -> String {
        let url = directory.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw TaggerError.unreadable(url.path, "no such file or not readable")
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func rows(_ directory: URL, _ path: String, separator: Character,
                             skipHeader: Bool) throws -> [[String]] {
        var lines = try text(directory, path).split(separator: "\n", omittingEmptySubsequences: true)
        if skipHeader, !lines.isEmpty { lines.removeFirst() }
        return lines.map { $0.split(separator: separator, omittingEmptySubsequences: true).map(String.init) }
    }

    private static func json(_ directory: URL, _ path: String) throws -> Any {
        let url = directory.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw TaggerError.unreadable(url.path, "no such file or not readable")
        }
        do { return try JSONSerialization.jsonObject(with: data) } catch {
            throw TaggerError.unreadable(url.path, "not valid JSON")
        }
    }
}
