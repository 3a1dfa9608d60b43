import Foundation

/// Builds Brief's knowledge base (`KnowledgeBase`) from our own facts file and the shared data folder, the
/// way `brief ner knowledge` does. Deterministic: sources are read in a fixed order and the most trusted
/// record for a name comes first.
///
/// Order of trust: our facts (current actors, geographic features, seats of government), then the Phoenix
/// dictionaries (government bodies, armed groups, international organisations, leaders), ISO 3166 countries,
/// GeoNames first-level regions, GeoNames populated places by population, and GeoNames second-level regions
/// (counties, districts) whose names are not taken yet. Curation: a one-word name or
/// alias from the shared data that is a common English word (`Split`, `Mobile`, `Reading`) is dropped unless
/// the place is large; aliases that are roles (`White House Spokesman`, `President Karzai`) are dropped;
/// every accented name also gets its accent-free form.
public enum KnowledgeBuilder {
    /// Places smaller than this are left out (towns of a few thousand people are still in).
    public static let minPopulation = 5_000
    /// Places at least this big keep their alternate names and may be common words (`Nice`).
    public static let alternatesPopulation = 50_000
    public static let commonWordPopulation = 500_000
    /// A one-word name from the shared data is a common word from this Zipf frequency on.
    public static let commonZipf = 4.2

    public static func build(dataDirectory: URL, facts: URL) throws -> [KnowledgeBase.Record] {
        var builder = Accumulator()
        let zipf = try wordFrequencies(dataDirectory)
        func isCommonWord(_ name: String) -> Bool {
            !name.contains(" ") && (zipf[name.lowercased()] ?? 0) >= commonZipf
        }

        // 1. Our facts.
        guard let factsData = FileManager.default.contents(atPath: facts.path) else {
            throw TaggerError.unreadable(facts.path, "no such file or not readable")
        }
        for (n, line) in String(decoding: factsData, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 4, let type = EntityType(rawValue: f[0]), !f[1].isEmpty else {
                throw TaggerError.malformedModel(facts.path, n + 1, "expected type, name, country, aliases")
            }
            let aliases = f[3] == "-" ? [] : f[3].split(separator: "|").map(String.init)
            builder.add(type: type, name: f[1], country: f[2] == "-" ? nil : f[2], aliases: aliases)
        }

        let countryNames = try countries(dataDirectory)
        // 2. Phoenix: government bodies, armed groups, international organisations, leaders.
        let phoenix = "knowledge/phoenix/"
        for row in try tsv(dataDirectory, phoenix + "government-bodies.tsv") {
            guard let name = row["name"], !name.isEmpty else { continue }
            builder.add(type: .organisation, name: cleanName(name), country: row["country"].flatMap { $0.isEmpty ? nil : $0 },
                        aliases: aliases(row["aliases"], isCommonWord))
        }
        for row in try tsv(dataDirectory, phoenix + "armed-groups.tsv") where row["kind_guess"] != "person" {
            guard let name = row["name"], !name.isEmpty, !isCommonWord(cleanName(name)) else { continue }
            builder.add(type: .organisation, name: cleanName(name), country: nil,
                        aliases: aliases(row["aliases"], isCommonWord) + parenthetical(name))
        }
        for row in try tsv(dataDirectory, phoenix + "international.tsv") {
            guard let name = row["name"], !name.isEmpty, !isCommonWord(cleanName(name)) else { continue }
            let type: EntityType
            switch row["kind_guess"] {
            case "igo", "ngo", "media", "mnc": type = .organisation
            case "person": type = .person
            default: continue
            }
            // Role phrases (`UN Secretary General`) are not entities.
            if isRole(name) { continue }
            builder.add(type: type, name: cleanName(name), country: nil,
                        aliases: aliases(row["aliases"], isCommonWord) + parenthetical(name))
        }
        var leadersSeen = Set<String>()
        for row in try tsv(dataDirectory, phoenix + "leaders.tsv") {
            guard let name = row["name"], name.contains(" "), leadersSeen.insert(name).inserted else { continue }
            // A leader's aliases are mostly titles with a surname (`President Karzai`): keep only full names.
            let full = aliases(row["aliases"], isCommonWord).filter { $0.contains(" ") }
            builder.add(type: .person, name: name, country: row["country"].flatMap { $0.isEmpty ? nil : $0 }, aliases: full)
        }
        // 3. Countries (ISO 3166 names), with themselves as country.
        for (_, names) in countryNames.sorted(by: { $0.key < $1.key }) {
            builder.add(type: .place, name: names.display, country: names.display, aliases: names.others)
        }
        // 4. First-level regions.
        for row in try tsv(dataDirectory, "gazetteers/geonames-places/admin1.tsv") {
            guard let name = row["name"], let code = row["countrycode"], !isCommonWord(name) else { continue }
            let country = countryNames[code]?.display
            let shown = englishName(name, ascii: row["asciiname"])
            builder.add(type: .place, name: shown, country: country, aliases: [row["asciiname"] ?? "", name])
        }
        // 5. Populated places, largest first.
        var places: [(population: Int, id: Int, row: [String: String])] = []
        for row in try tsv(dataDirectory, "gazetteers/geonames-places/places.tsv") {
            guard let p = row["population"].flatMap({ Int($0) }), p >= minPopulation else { continue }
            places.append((p, Int(row["geonameid"] ?? "") ?? 0, row))
        }
        places.sort { $0.population != $1.population ? $0.population > $1.population : $0.id < $1.id }
        for place in places {
            let row = place.row
            guard let name = row["name"], let code = row["countrycode"] else { continue }
            let big = place.population >= commonWordPopulation
            if !big, isCommonWord(name) { continue }
            var others = [row["asciiname"] ?? "", row["accent_free_name"] ?? ""]
            if place.population >= alternatesPopulation {
                others += (row["latin_alternate_names"] ?? "").split(separator: "|").map(String.init)
                    .filter { isPlainAlternate($0) && (big || !isCommonWord($0)) }
            }
            builder.add(type: .place, name: englishName(name, ascii: row["asciiname"]), country: countryNames[code]?.display,
                        aliases: [name] + others)
        }
        // 6. Second-level regions (counties, districts) no populated place above has named: after the places, so
        // a district never takes a city's name (the Lagos municipality in Portugal is not Lagos).
        for row in try tsv(dataDirectory, "gazetteers/geonames-places/admin2.tsv") {
            guard let name = row["name"], let code = row["countrycode"], !isCommonWord(name),
                  !name.unicodeScalars.contains(where: { $0.properties.numericType != nil }) else { continue }
            builder.add(type: .place, name: englishName(name, ascii: row["asciiname"]), country: countryNames[code]?.display,
                        aliases: [row["asciiname"] ?? "", name])
        }
        return builder.records
    }

    /// Collects records, dropping names an earlier record of the same type already holds.
    struct Accumulator {
        var records: [KnowledgeBase.Record] = []
        var taken = Set<String>()
        var keys = Set<String>()

        mutating func add(type: EntityType, name: String, country: String?, aliases: [String]) {
            let name = name.trimmingCharacters(in: .whitespaces)
            guard isUsable(name), !taken.contains(Self.id(type, name)) else { return }
            let key = EntityLinker.key(type: type, name: name)
            guard keys.insert(key).inserted else { return }
            taken.insert(Self.id(type, name))
            var kept: [String] = []
            var seen: Set<String> = [name.lowercased()]
            for alias in aliases + aliases.map(accentFree) + [accentFree(name)] {
                let a = alias.trimmingCharacters(in: .whitespaces)
                guard isUsable(a), !(type == .place && Self.isQualified(a, of: name)),
                      seen.insert(a.lowercased()).inserted, taken.insert(Self.id(type, a)).inserted else { continue }
                kept.append(a)
            }
            records.append(KnowledgeBase.Record(key: key, type: type, name: name, country: country, aliases: kept))
        }

        /// Words that, put before a place's name, name another place: `New Delhi` is not Delhi, `North Ossetia` not
        /// Ossetia, `Port Sudan` not Sudan.
        static let placeQualifiers: Set<String> = ["new", "old", "north", "south", "east", "west", "upper", "lower",
                                                   "greater", "central", "northern", "southern", "eastern", "western",
                                                   "port", "fort", "mount", "saint", "st", "st.", "little", "great"]

        /// `New Delhi` as an alternate name of `Delhi`: the name with a qualifier before it, which the shared data
        /// gives for a place's district or namesake; kept, it would link the capital to the old city.
        static func isQualified(_ alias: String, of name: String) -> Bool {
            let words = alias.split(separator: " ")
            guard words.count >= 2, let first = words.first, placeQualifiers.contains(first.lowercased()) else { return false }
            let rest = words.dropFirst().joined(separator: " ").lowercased()
            return rest == name.lowercased() || rest == accentFree(name).lowercased()
        }

        static func id(_ type: EntityType, _ name: String) -> String {
            var n = name.lowercased()
            if n.hasPrefix("the ") { n.removeFirst(4) }
            return type.rawValue + "|" + n.replacingOccurrences(of: "’", with: "'")
        }

        func isUsable(_ s: String) -> Bool {
            guard s.count >= 2, s.count <= 90, let first = s.first,
                  !s.contains(where: { $0 == "\t" || $0 == "|" || $0 == "\n" || $0 == "\r" }) else { return false }
            // Names start with a capital or digit; `al-Shabaab` style particles are the exception.
            return !first.isLowercase || s.hasPrefix("al-") || s.hasPrefix("al ") || s.hasPrefix("el-")
        }
    }

    /// The name an English text uses for a place: its ASCII form when the name is a scholarly transliteration
    /// (macron vowels, dotted consonants: `Tehrān`, `Ḩalab`), which no newspaper writes; else the name as it is
    /// (`Kraków`, `Tromsø` keep their letters).
    static func englishName(_ name: String, ascii: String?) -> String {
        guard let ascii, !ascii.isEmpty, name.unicodeScalars.contains(where: isTransliterationMark) else { return name }
        return ascii
    }

    private static func isTransliterationMark(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0100, 0x0101, 0x0112, 0x0113, 0x012A, 0x012B, 0x014C, 0x014D, 0x016A, 0x016B: true  // Ā ā Ē ē Ī ī Ō ō Ū ū
        case 0x1E00...0x1EFF: true  // Latin Extended Additional: ḩ ṭ ṣ ẖ …
        default: false
        }
    }

    static func accentFree(_ s: String) -> String {
        s.folding(options: .diacriticInsensitive, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// Title-cased Phoenix names keep their parenthesised acronym as an alias, not in the name.
    static func cleanName(_ name: String) -> String {
        guard let open = name.firstIndex(of: "(") else { return name }
        return name[..<open].trimmingCharacters(in: .whitespaces)
    }

    static func parenthetical(_ name: String) -> [String] {
        guard let open = name.firstIndex(of: "("), let close = name.lastIndex(of: ")"), open < close else { return [] }
        return [String(name[name.index(after: open)..<close])]
    }

    private static let roleWords: Set<String> = [
        "spokesman", "spokeswoman", "spokesperson", "official", "officials", "president", "minister", "secretary",
        "general", "chief", "head", "chairman", "director", "ambassador", "envoy", "commander", "leader", "member",
        "members", "staff", "representative", "delegate", "delegation", "forces", "troops", "soldiers", "police",
        "officer", "officers", "agent", "agents", "prime", "king", "queen", "prince", "sheikh", "governor",
    ]

    static func isRole(_ name: String) -> Bool {
        let words = name.lowercased().split(separator: " ")
        return words.contains { roleWords.contains(String($0)) && $0 != "forces" }
    }

    /// Phoenix aliases separated by ` | `, without roles, common words and misspelled shouting.
    static func aliases(_ field: String?, _ isCommonWord: (String) -> Bool) -> [String] {
        guard let field, !field.isEmpty else { return [] }
        return field.components(separatedBy: " | ").map { cleanName($0) }.filter {
            !$0.isEmpty && !isRole($0) && !isCommonWord($0)
        }
    }

    /// An alternate place name worth keeping: Latin letters, starts with a capital, no digits, 4+ letters.
    static func isPlainAlternate(_ s: String) -> Bool {
        guard s.count >= 4, let first = s.unicodeScalars.first, first.properties.isUppercase else { return false }
        return s.unicodeScalars.allSatisfy {
            ($0.value < 0x250 && ($0.properties.isAlphabetic || $0 == " " || $0 == "-" || $0 == "'"))
        }
    }

    private static let countryDisplayNames: [String: String] = [
        "RU": "Russia", "KR": "South Korea", "KP": "North Korea", "IR": "Iran", "SY": "Syria", "VN": "Vietnam",
        "LA": "Laos", "MD": "Moldova", "TZ": "Tanzania", "BO": "Bolivia", "VE": "Venezuela", "TW": "Taiwan",
        "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo", "PS": "Palestine",
        "GB": "United Kingdom", "US": "United States", "FM": "Micronesia", "BN": "Brunei", "TR": "Turkey",
        "CZ": "Czechia", "MK": "North Macedonia", "CI": "Côte d'Ivoire", "VA": "Vatican City", "XK": "Kosovo",
    ]

    /// ISO 3166-1 countries by alpha-2 code: the name Brief shows and the other names.
    static func countries(_ directory: URL) throws -> [String: (display: String, others: [String])] {
        let url = directory.appendingPathComponent("gazetteers/iso3166/iso3166-1.json")
        guard let data = FileManager.default.contents(atPath: url.path),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = root["3166-1"] as? [[String: Any]] else {
            throw TaggerError.unreadable(url.path, "not an ISO 3166-1 list")
        }
        var out: [String: (display: String, others: [String])] = [:]
        out["XK"] = ("Kosovo", [])
        for item in list {
            guard let code = item["alpha_2"] as? String, let name = item["name"] as? String else { continue }
            let common = item["common_name"] as? String
            let display = countryDisplayNames[code] ?? common ?? name
            let others = [name, common, item["official_name"] as? String].compactMap { $0 }
                .filter { $0 != display && !$0.contains(",") }
            out[code] = (display, others)
        }
        return out
    }

    private static func wordFrequencies(_ directory: URL) throws -> [String: Double] {
        var out: [String: Double] = [:]
        for row in try tsv(directory, "wordfreq/en-top100k.tsv", header: ["word", "zipf"]) {
            if let w = row["word"], let z = row["zipf"].flatMap(Double.init) { out[w] = z }
        }
        return out
    }

    /// Rows of a TSV file with a header line, as dictionaries by column name.
    static func tsv(_ directory: URL, _ path: String, header given: [String]? = nil) throws -> [[String: String]] {
        let url = directory.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw TaggerError.unreadable(url.path, "no such file or not readable")
        }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        guard !lines.isEmpty else { return [] }
        let header = given ?? lines.removeFirst().split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        if given != nil { lines.removeFirst() }
        return lines.map { line in
            var row: [String: String] = [:]
            for (k, v) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() where k < header.count {
                row[header[k]] = String(v)
            }
            return row
        }
    }
}
