import Foundation

/// Makes a story's mentions consistent and links them into entities:
/// - one surface form keeps one type within the story (the type most of its mentions have), and a lone surname
///   of a person named in full is that person;
/// - a person mentioned by one part of a name (`Lavrov`) links to the fuller name (`Sergei Lavrov`), an
///   initialism (`EU`) to the organisation or place it abbreviates (`European Union`), and an organisation's last
///   word alone (`Commission`) to the one fuller name it ends (`European Commission`);
/// - each entity gets a key from its type and normalised canonical (longest) name, `PER:sergei-lavrov`,
///   the same in every story.
public enum EntityLinker {
    /// A mention before linking: where it is and the words it is made of.
    public struct Candidate: Sendable {
        public var paragraph: Int
        public var start: Int
        public var end: Int
        public var text: String
        public var words: [String]
        public var type: EntityType

        public init(paragraph: Int, start: Int, end: Int, text: String, words: [String], type: EntityType) {
            self.paragraph = paragraph
            self.start = start
            self.end = end
            self.text = text
            self.words = words
            self.type = type
        }
    }

    /// Links candidates; returns mentions per paragraph (`paragraphCount` lists) and the entities in order
    /// of first mention.
    public static func link(_ candidates: [Candidate], paragraphCount: Int,
                            knowledge: KnowledgeBase = KnowledgeBase()) -> (mentions: [[Mention]], entities: [Entity]) {
        var candidates = candidates
        let surfaces = candidates.map { surface($0.text) }
        // Each distinct surface form numbered, so that what is counted per form is found by index, not by string.
        var surfaceNumbers: [String: Int] = [:]
        surfaceNumbers.reserveCapacity(candidates.count)
        let surfaceOf = surfaces.map { s in
            if let n = surfaceNumbers[s] { return n }
            surfaceNumbers[s] = surfaceNumbers.count
            return surfaceNumbers.count - 1
        }
        let typeCount = BIOTagSet.types.count
        // 1. One type per surface form: the majority, ties going to the first mention.
        var votes = [Int](repeating: 0, count: surfaceNumbers.count * typeCount)
        var firstType = [Int](repeating: -1, count: surfaceNumbers.count)
        for (c, s) in zip(candidates, surfaceOf) {
            votes[s * typeCount + typeIndex(c.type)] += 1
            if firstType[s] < 0 { firstType[s] = typeIndex(c.type) }
        }
        for k in candidates.indices {
            let s = surfaceOf[k]
            var best = firstType[s]
            for t in 0..<typeCount where votes[s * typeCount + t] > votes[s * typeCount + best] { best = t }
            candidates[k].type = BIOTagSet.types[best]
        }
        // 1b. A lone word that is the last word of a fuller person's name in the story is that person, whatever
        // its own context suggested (`Putin` in `the Putin-Biden talks` after `Vladimir Putin`).
        var surnames: Set<String> = []
        for c in candidates where c.type == .person && c.words.count >= 2 {
            if let last = c.words.last { surnames.insert(surface(last)) }
        }
        for k in candidates.indices
        where candidates[k].words.count == 1 && candidates[k].type != .person && surnames.contains(surfaces[k]) {
            candidates[k].type = .person
        }
        // 2. Distinct forms (type and surface), and what each links to.
        struct Form { var words: [String]; var lower: [String]; var type: EntityType; var first: Int }
        // (Forms are values so that 2b can retype one.)
        var forms: [Form] = []
        // By surface number and type (the id below): the form's index, or -1.
        var formIndex = [Int](repeating: -1, count: surfaceNumbers.count * typeCount)
        var formOf = [Int](repeating: 0, count: candidates.count)
        for (k, c) in candidates.enumerated() {
            let id = surfaceOf[k] * typeCount + typeIndex(c.type)
            let existing = formIndex[id]
            if existing >= 0 {
                formOf[k] = existing
            } else {
                formIndex[id] = forms.count
                formOf[k] = forms.count
                forms.append(Form(words: c.words, lower: c.words.map { $0.lowercased() }, type: c.type, first: k))
            }
        }
        // Longer forms by type and first or last word (names), and by initials (organisations, places).
        // Keyed by type and text together, without joining them into a string first.
        struct TypedText: Hashable { var type: EntityType; var text: String }
        var byEdgeWord: [TypedText: [Int]] = [:]
        var byInitials: [TypedText: [Int]] = [:]
        for (f, form) in forms.enumerated() where form.words.count >= 2 {
            if let first = form.lower.first, let last = form.lower.last {
                byEdgeWord[TypedText(type: form.type, text: first), default: []].append(f)
                if last != first { byEdgeWord[TypedText(type: form.type, text: last), default: []].append(f) }
            }
            byInitials[TypedText(type: form.type, text: initials(form.words)), default: []].append(f)
        }
        // Longest forms link first, so that a chain ends at a canonical form.
        let order = forms.indices.sorted { a, b in
            forms[a].words.count != forms[b].words.count ? forms[a].words.count > forms[b].words.count : a < b
        }
        var target = Array(forms.indices)
        // A one-word organisation's fuller names ending in its word (`Commission`: `European Commission`, …).
        var lastWordOf: [Int: [Int]] = [:]
        for f in order {
            let form = forms[f]
            var candidatesForLink: [Int] = []
            if form.type == .person, let first = form.lower.first, let last = form.lower.last {
                candidatesForLink = (byEdgeWord[TypedText(type: form.type, text: last)] ?? [])
                    + (byEdgeWord[TypedText(type: form.type, text: first)] ?? [])
            } else if form.words.count == 1, let word = form.words.first, let lower = form.lower.first {
                if let letters = initialism(word) {
                    candidatesForLink = byInitials[TypedText(type: form.type, text: letters)] ?? []
                    // An initialism the knowledge base knows (`UN`) abbreviates only that record's names, never
                    // another name of the story with the same initials (`Upper Nile`).
                    if knowledge.count > 0, let record = knowledge.lookup(word, type: form.type) {
                        candidatesForLink = candidatesForLink.filter {
                            knowledge.lookup(candidates[forms[$0].first].text, type: form.type)?.key == record.key
                        }
                    }
                } else if form.type == .organisation {
                    // `the Commission` after `the European Commission`: the last word of fuller names in the
                    // story. Which one each mention means is settled mention by mention in step 3.
                    let fuller = (byEdgeWord[TypedText(type: form.type, text: lower)] ?? []).filter {
                        forms[$0].lower.last == lower && target[$0] == $0
                    }
                    if !fuller.isEmpty { lastWordOf[f] = fuller }
                }
            }
            let matches = candidatesForLink.filter { o in
                o != f && forms[o].words.count > form.words.count && target[o] == o
                    && (form.type != .person || isPartOfName(form.lower, of: forms[o].lower))
            }
            // The earliest-mentioned fuller form wins.
            if let o = matches.min(by: { forms[$0].first < forms[$1].first }) { target[f] = o }
        }
        // 2b. The knowledge base: a canonical form it knows takes its record; a form it knows only as another
        // type takes that type (`the Kremlin` tagged a place is the government body), except a name that is
        // part of a fuller person's name in the story, and never to or from MISC.
        var known = [KnowledgeBase.Record?](repeating: nil, count: forms.count)
        if knowledge.count > 0 {
            var linkedTo = [Bool](repeating: false, count: forms.count)   // by form: a shorter form links to it
            for f in forms.indices where target[f] != f { linkedTo[target[f]] = true }
            for f in forms.indices where target[f] == f {
                let text = candidates[forms[f].first].text
                if let record = knowledge.lookup(text, type: forms[f].type) {
                    known[f] = record
                    // Only an alias of this type (`White House`, an old name of Casablanca) yields to the
                    // canonical name of one other type (the seat of government).
                    guard forms[f].type != .group, !knowledge.isCanonical(text, of: record) else { continue }
                    let type = forms[f].type
                    let canonical = knowledge.lookup(text, types: BIOTagSet.types.lazy.filter { $0 != type && $0 != .group })
                        .filter { knowledge.isCanonical(text, of: $0) }
                    if canonical.count == 1, let other = canonical.first,
                       !(forms[f].type == .person && linkedTo[f]) {
                        forms[f].type = other.type
                        known[f] = other
                    }
                    continue
                }
                guard forms[f].type != .group, !linkedTo[f] || forms[f].type != .person else { continue }
                let type = forms[f].type
                let others = knowledge.lookup(text, types: BIOTagSet.types.lazy.filter { $0 != type && $0 != .group })
                guard others.count == 1, let record = others.first else { continue }
                // A one-word person (`Jordan`, `Georgia`) keeps its type unless nothing in the story names a person
                // with that word.
                if forms[f].type == .person, forms[f].words.count == 1, surnames.contains(surface(text)) { continue }
                forms[f].type = record.type
                known[f] = record
            }
            for k in candidates.indices where forms[target[formOf[k]]].type != candidates[k].type {
                candidates[k].type = forms[target[formOf[k]]].type
            }
        }
        // 3. Entities with keys, canonical names and aliases.
        var entities: [Entity] = []
        var entityIndex: [String: Int] = [:]
        var aliasSets: [Set<String>] = []
        var mentions = [[Mention]](repeating: [], count: paragraphCount)
        // Each canonical form's name, key and entity, once its first mention has settled them.
        var named = [(name: String, key: String, entity: Int)?](repeating: nil, count: forms.count)
        let abbreviated = lastWordOf.isEmpty ? [:] : abbreviations(lastWordOf, forms: forms.map { ($0.words.count, $0.type) },
                                                                   formOf: formOf, target: target)
        for (k, c) in candidates.enumerated() {
            let t = abbreviated[k] ?? target[formOf[k]]
            let name: String, key: String, e: Int
            if let seen = named[t] {
                (name, key, e) = seen
            } else {
                name = forms[t].words.count == 1 ? candidates[forms[t].first].text : forms[t].words.joined(separator: " ")
                key = known[t]?.key ?? Self.key(type: c.type, name: name)
                if let existing = entityIndex[key] {
                    e = existing
                } else {
                    e = entities.count
                    entityIndex[key] = e
                    let record = known[t]
                    entities.append(Entity(key: key, name: name, type: c.type, aliases: [], mentions: 0,
                                           canonicalName: record?.name, knownAliases: record?.aliases ?? [],
                                           country: record?.country))
                    aliasSets.append([])
                }
                named[t] = (name, key, e)
            }
            entities[e].mentions += 1
            if c.text != name, aliasSets[e].insert(c.text).inserted { entities[e].aliases.append(c.text) }
            if c.paragraph >= 0, c.paragraph < paragraphCount {
                mentions[c.paragraph].append(Mention(start: c.start, end: c.end, type: c.type, text: c.text, entity: key))
            }
        }
        return (mentions, entities)
    }

    /// For each mention of a one-word organisation (`Commission`), the fuller name it abbreviates: one named
    /// before it in the story (an abbreviation follows the name it stands for; `Commission` before the only
    /// `Western and Central Pacific Fisheries Commission` of a story is not that commission), and of several the
    /// most mentioned, then the shortest (`European Commission` over a long name a story shortens to its
    /// initials). A mention with no fuller name before it, or two equally good, stays its own entity.
    private static func abbreviations(_ lastWordOf: [Int: [Int]], forms: [(words: Int, type: EntityType)],
                                      formOf: [Int], target: [Int]) -> [Int: Int] {
        var mentions = [Int](repeating: 0, count: forms.count)
        var firstMention = [Int](repeating: Int.max, count: forms.count)
        for (k, f) in formOf.enumerated() {
            mentions[target[f]] += 1
            firstMention[f] = min(firstMention[f], k)
        }
        var chosen: [Int: Int] = [:]
        for (k, f) in formOf.enumerated() {
            guard target[f] == f, let fuller = lastWordOf[f], forms[f].type == .organisation else { continue }
            let before = fuller.filter { firstMention[$0] < k && forms[$0].type == .organisation }
            // Most mentioned, then fewest words; two equally good (`Council` beside the Security Council and the
            // European Council, each named once) leave the mention apart.
            let ranked = before.sorted { a, b in
                mentions[a] != mentions[b] ? mentions[a] > mentions[b] : forms[a].words < forms[b].words
            }
            guard let best = ranked.first else { continue }
            if ranked.count > 1, mentions[ranked[1]] == mentions[best], forms[ranked[1]].words == forms[best].words {
                continue
            }
            chosen[k] = best
        }
        return chosen
    }

    /// The stable key of an entity: type code, a colon, and the canonical name lower-cased, without
    /// diacritics, with every run of other characters than letters and digits made one `-`.
    public static func key(type: EntityType, name: String) -> String {
        asciiKey(type: type, name: name) ?? type.rawValue + ":" + foldedSlug(name)
    }

    /// `key` of a name in plain ASCII, written into the key's own storage in one pass; nil when `name` has other
    /// characters.
    private static func asciiKey(type: EntityType, name: String) -> String? {
        let code = type.rawValue.utf8
        var ascii = true
        let key = String(unsafeUninitializedCapacity: code.count + 2 + name.utf8.count) { out in
            var count = 0
            for byte in code { out[count] = byte; count += 1 }
            out[count] = 0x3A
            count += 1
            let start = count
            if !writeSlug(name.utf8, into: out, at: &count) { ascii = false }
            if count == start { out[count] = 0x2D; count += 1 }
            return count
        }
        return ascii ? key : nil
    }

    /// The key's name part for a name in plain ASCII, where folding is lower-casing: the common case, without
    /// Foundation's folding (which costs more than tagging the mention). Nil when `name` has other characters.
    static func asciiSlug(_ name: String) -> String? {
        var ascii = true
        let slug = String(unsafeUninitializedCapacity: name.utf8.count + 1) { out in
            var count = 0
            if !writeSlug(name.utf8, into: out, at: &count) { ascii = false }
            if count == 0 { out[0] = 0x2D; count = 1 }
            return count
        }
        return ascii ? slug : nil
    }

    /// Writes the slug of ASCII `name` into `out` from `count` on (at most one byte per byte of `name`), advancing
    /// `count`; false, with `out` part written, at the first byte that is not ASCII.
    @inline(__always)
    private static func writeSlug(_ name: String.UTF8View, into out: UnsafeMutableBufferPointer<UInt8>,
                             at count: inout Int) -> Bool {
        let start = count
        var pendingDash = false
        for byte in name {
            guard byte < 0x80 else { return false }
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                if pendingDash, count > start { out[count] = 0x2D; count += 1 }
                pendingDash = false
                out[count] = lower
                count += 1
            } else if byte != 0x27 {
                pendingDash = true
            }
        }
        return true
    }

    /// The key's name part for any name: folded without case, diacritics or width, then slugged.
    static func foldedSlug(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive],
                                  locale: Locale(identifier: "en_US_POSIX")).lowercased()
        var slug = ""
        var pendingDash = false
        for s in folded.unicodeScalars {
            if s.properties.isAlphabetic || s.properties.numericType != nil {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(s)
            } else if s != "'" && s != "’" {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "-" : slug
    }

    private static func typeIndex(_ t: EntityType) -> Int { BIOTagSet.types.firstIndex(of: t) ?? 0 }

    /// A surface form compared without case, typographic quotes or dashes, or runs of spaces.
    private static func surface(_ text: String) -> String {
        if let ascii = asciiSurface(text) { return ascii }
        var out = String.UnicodeScalarView()
        var space = false
        for s in text.unicodeScalars {
            if s.value < 0x80 ? (s == " " || s == "\t" || s == "\n" || s == "\r") : s.properties.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if space { out.append(" "); space = false }
            let n = WordInfo.normalise(s)
            if n.value < 0x80 {
                out.append(n.value >= 0x41 && n.value <= 0x5A ? Unicode.Scalar(n.value + 32) ?? n : n)
            } else {
                out.append(contentsOf: n.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(out)
    }

    /// `surface` of plain ASCII text, worked on its bytes (most names are); nil for any other text.
    private static func asciiSurface(_ text: String) -> String? {
        var ascii = true
        let out = String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
            var count = 0
            var space = false
            for byte in text.utf8 {
                guard byte < 0x80 else { ascii = false; return 0 }
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    space = count > 0
                    continue
                }
                if space { buffer[count] = 0x20; count += 1; space = false }
                buffer[count] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
                count += 1
            }
            return count
        }
        return ascii ? out : nil
    }

    /// The capitals of a one-word initialism (`UN`, `U.N.`: two capitals or more, periods between them dropped);
    /// nil for any other word. Plain ASCII is judged by its bytes, most words failing at their second letter.
    private static func initialism(_ word: String) -> String? {
        var capitals = 0
        for byte in word.utf8 {
            if byte >= 0x80 { return generalInitialism(word) }
            if byte == 0x2E { continue }
            guard byte >= 0x41 && byte <= 0x5A else { return nil }
            capitals += 1
        }
        guard capitals >= 2 else { return nil }
        return String(unsafeUninitializedCapacity: capitals) { out in
            var count = 0
            for byte in word.utf8 where byte != 0x2E {
                out[count] = byte
                count += 1
            }
            return count
        }
    }

    private static func generalInitialism(_ word: String) -> String? {
        let letters = String(String.UnicodeScalarView(word.unicodeScalars.filter { $0 != "." }))
        guard letters.unicodeScalars.count >= 2, letters.unicodeScalars.allSatisfy({ $0.properties.isUppercase }) else {
            return nil
        }
        return letters
    }

    /// `Lavrov` or `Sergei` in `Sergei Lavrov`: a shorter name made of the longer one's first or last words
    /// (both given lower-cased).
    private static func isPartOfName(_ short: [String], of long: [String]) -> Bool {
        long.suffix(short.count).elementsEqual(short) || long.prefix(short.count).elementsEqual(short)
    }

    private static let minorWords: Set<String> = ["of", "the", "and", "for", "de", "du", "des", "la", "le", "&", "on", "in"]

    /// The capitalised initials of a name's main words: `European Union` → `EU`.
    private static func initials(_ words: [String]) -> String {
        // ASCII initials (most are) as bytes; a scalar view, slow to append to, only for the rest.
        var ascii: [UInt8] = []
        var other: String.UnicodeScalarView?
        for word in words {
            // Minor words are of three letters at most, and lower-casing never makes a word shorter.
            if word.unicodeScalars.count <= 3, minorWords.contains(word.lowercased()) { continue }
            guard let first = word.unicodeScalars.first else { continue }
            var initial = first
            if first.value < 0x80 {
                if first.value >= 0x61 && first.value <= 0x7A { initial = Unicode.Scalar(UInt8(first.value - 32)) }
            } else if let upper = first.properties.uppercaseMapping.unicodeScalars.first {
                initial = upper
            } else {
                continue
            }
            if other == nil, initial.isASCII {
                ascii.append(UInt8(initial.value))
            } else {
                if other == nil { other = String.UnicodeScalarView(ascii.map { Unicode.Scalar($0) }) }
                other?.append(initial)
            }
        }
        return other.map(String.init) ?? String(decoding: ascii, as: UTF8.self)
    }
}
