import BriefTagger

/// Who a phrase next to a speech verb says is speaking: a name (`Katrin Albers`, from `A German development
/// ministry official, Katrin Albers,`), a description when no name is given (`senior State Department official`),
/// a pronoun (`she`) or a definite title (`the spokesperson`), both resolved later against the story's people.
///
/// Titles and descriptors are cut off the name (`Deputy Foreign Minister Iryna Bondarchuk` → `Iryna Bondarchuk`,
/// `spokesperson`, `deputy`, `foreign`, `minister` kept as the titles she holds), as are leading place phrases
/// (`In Washington, …`), appositives that are not the name, relative clauses (`who …`) and a trailing coordinated
/// verb phrase (`… welcomed the release and said`).
enum SpeakerPhrase {
    enum Reading: Hashable, Sendable {
        case speaker(Speaker)
        /// `he`, `she`, `they`, `it`.
        case pronoun(String)
        /// `the official`, `the deputy spokesperson`: `head` is the title's last word.
        case definite(head: String, phrase: String)
    }

    static let pronouns: Set<String> = ["he", "she", "they", "it", "we", "i", "you"]
    static let articles: Set<String> = ["a", "an", "the"]
    static let honorifics: [String: Character] = [
        "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "madame": "f", "mme": "f", "sir": "m", "lady": "f",
        "dame": "f", "lord": "m", "monsieur": "m", "herr": "m", "frau": "f", "dr": "?", "prof": "?",
    ]
    /// Words opening a comma segment that is not the speaker: places, times, participles, relative clauses.
    static let segmentOpeners: Set<String> = [
        "in", "at", "on", "from", "after", "before", "during", "speaking", "asked", "writing", "meanwhile",
        "however", "separately", "later", "earlier", "who", "which", "whose", "whom", "when", "while", "as",
        "according", "addressing", "responding", "talking", "briefing", "told", "also", "though", "although",
        "yesterday", "today", "and", "but",
    ]
    /// Lower-case words that cannot open a speaker phrase.
    static let leadingFunctionWords: Set<String> = [
        "and", "but", "or", "so", "then", "also", "not", "never", "as", "if", "when", "while", "because", "that",
        "this", "it", "there", "here", "what", "which", "who", "to", "of", "in", "on", "at", "for", "with", "by",
    ]
    static let prepositions: Set<String> = ["in", "of", "for", "at", "from", "with", "to", "on", "by", "near", "about"]
    static let relatives: Set<String> = ["who", "which", "whose", "whom", "that"]
    /// Lower-case words opening a clause whose subject comes after them.
    static let subordinators: Set<String> = [
        "when", "after", "because", "while", "since", "before", "where", "although", "though", "once", "until",
        "whereas", "as",
    ]
    /// Last words of organisation names: a capitalised run ending in one keeps its title words
    /// (`the State Department said` → `State Department`).
    static let organisationHeads: Set<String> = [
        "department", "ministry", "commission", "council", "union", "agency", "office", "embassy", "government",
        "organisation", "organization", "committee", "parliament", "bank", "fund", "court", "assembly",
        "secretariat", "forum", "house", "kremlin", "pentagon", "nations", "alliance", "mission", "service",
        "administration", "cabinet", "presidency", "command", "forces", "army", "navy", "police",
    ]
    /// Plural nouns opening a sentence that are people in general, not a name (`Analysts said …`).
    static let collectives: Set<String> = [
        "officials", "diplomats", "analysts", "critics", "residents", "witnesses", "sources", "observers",
        "delegates", "ministers", "leaders", "negotiators", "experts", "protesters", "activists", "lawmakers",
        "legislators", "economists", "traders", "investors", "officers", "envoys", "mediators", "aides",
        "campaigners", "organisers", "organizers", "others", "many", "some", "both", "several", "police",
    ]
    static let collectiveKeys = PackedKeySet(collectives.map(VerbKey.key))

    /// True when the word is one of `collectives` (`officials,`), read from its scalars without a string where it
    /// is ASCII.
    static func isCollective(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let key = VerbKey.bare(word) else { return collectives.contains(bare(ScalarText.string(word))) }
        return key != 0 && collectiveKeys.contains(key)
    }

    /// Reads a speaker from the words of a subject or of the phrase after `said`/`according to`.
    static func read(_ input: [String]) -> Reading? {
        let words = input.contains(where: \.isEmpty) ? input.filter { !$0.isEmpty } : input
        guard !words.isEmpty else { return nil }
        if words.count == 1 {
            let (key, packed) = lookupKey(words[0])
            if Lists.pronouns.contains(key, packed: packed) { return .pronoun(bare(words[0])) }
        }

        // The comma segments, as ranges of `flat` (the words with each segment's closing comma off). Every word
        // belongs to a segment, so the segments are adjacent.
        var flat: [String] = []
        var segments: [Range<Int>] = []
        if !words.contains(where: endsWithComma) {
            // No comma: one segment, the words as they are.
            flat = words
            segments = [0..<words.count]
        } else {
            flat.reserveCapacity(words.count)
            var segmentStart = 0
            for word in words {
                if endsWithComma(word) {
                    flat.append(String(word.dropLast()))
                    segments.append(segmentStart..<flat.count)
                    segmentStart = flat.count
                } else {
                    flat.append(word)
                }
            }
            if flat.count > segmentStart { segments.append(segmentStart..<flat.count) }
        }
        // `Al-Rawahi declined to say …, but said`: a lone conjunction closes the segment before it.
        if segments.count >= 2, let last = segments.last, last.count == 1, isAndOrBut(bare(flat[last.lowerBound])) {
            segments.removeLast()
            segments[segments.count - 1] = segments[segments.count - 1].lowerBound..<last.upperBound
        }
        let kept = segments.filter { segment in
            let (key, packed) = lookupKey(flat[segment.lowerBound])
            return !Lists.segmentOpeners.contains(key, packed: packed)
        }
        let pool = kept.isEmpty ? [segments[0]] : kept
        let chosenIndex = pool.firstIndex(where: { isNameLike(flat[$0]) }) ?? 0
        var np = Array(flat[pool[chosenIndex]])
        // Each word's packed `bare` key (`VerbKey.packed`, 0 for none) for the word lists, and its `bare` form where
        // the packed key cannot stand for it (else ""), read once and kept in step with `np`; `keyAt` gives the form.
        var keys: [String] = []
        var packs: [UInt64] = []
        keys.reserveCapacity(np.count)
        packs.reserveCapacity(np.count)
        for word in np {
            let (key, packed) = lookupKey(word)
            keys.append(key)
            packs.append(packed)
        }
        func keyAt(_ i: Int) -> String { keys[i].isEmpty && packs[i] != 0 ? bare(np[i]) : keys[i] }

        let relativeList = Lists.relatives
        if let r = keys.indices.first(where: { relativeList.contains(keys[$0], packed: packs[$0]) }), r > 0 {
            np.removeSubrange(r...)
            keys.removeSubrange(r...)
            packs.removeSubrange(r...)
        }
        // `Relations soured when Varossa’s president called …`: the subject follows the last subordinator.
        let subordinatorList = Lists.subordinators
        if let c = np.lastIndex(where: { subordinatorList.contains($0, packed: VerbKey.packed($0)) }), c + 1 < np.count {
            np.removeFirst(c + 1)
            keys.removeFirst(c + 1)
            packs.removeFirst(c + 1)
        }
        if let last = packs.last, last == Packed.and || last == Packed.but || last == Packed.then || last == Packed.or {
            // `Rachel Kimura Alvarez welcomed the release and said`: the subject ends at its last capitalised word.
            np.removeLast()
            keys.removeLast()
            packs.removeLast()
            while let w = np.last, !startsUppercase(w) {
                np.removeLast()
                keys.removeLast()
                packs.removeLast()
            }
        }
        let auxiliaryList = Lists.auxiliaries
        while let last = keys.last, auxiliaryList.contains(last, packed: packs[packs.count - 1]) {
            np.removeLast()
            keys.removeLast()
            packs.removeLast()
        }
        guard !np.isEmpty, np.count <= 10 else { return nil }
        if np.count == 1, Lists.pronouns.contains(keys[0], packed: packs[0]) { return .pronoun(keyAt(0)) }

        var definite = false
        let articleList = Lists.articles
        if articleList.contains(keys[0], packed: packs[0]) {
            definite = packs[0] == Packed.the
            np.removeFirst()
            keys.removeFirst()
            packs.removeFirst()
            guard !np.isEmpty else { return nil }
        } else if Lists.leadingFunctionWords.contains(keys[0], packed: packs[0]) {
            return nil // `and then said`, `so said`: no subject
        }

        // The name: the trailing run of capitalised words that are not titles or possessives, unless that run is
        // inside a prepositional phrase (`Litia Naivalu of the Forum Fisheries Agency`, `envoy for the Horn of
        // Africa`, `embassy in Washington`): then the run before the preposition, if any.
        var end = np.count
        var k = end
        while true {
            k = end
            while k > 0 {
                let w = np[k - 1]
                if isNameWord(w, key: keys[k - 1], packed: packs[k - 1]) { k -= 1; continue }
                if k >= 2, k < end, isParticle(w), startsUppercase(np[k - 2]) {
                    k -= 1
                    continue
                }
                break
            }
            if k == end { break }
            if end == np.count, Lists.organisationHeads.contains(keys[end - 1], packed: packs[end - 1]) {
                // `State Department`, `Foreign Ministry`: keep the capitalised title words of an organisation's name.
                while k > 0, startsUppercase(np[k - 1]), !isPossessive(np[k - 1]) { k -= 1 }
            }
            var j = k
            if j > 0, articleList.contains(keys[j - 1], packed: packs[j - 1]) { j -= 1 }
            guard j > 0, Lists.prepositions.contains(keys[j - 1], packed: packs[j - 1]) else { break }
            end = j - 1
        }
        if k == end { k = np.count; end = np.count }
        var nameWords = Array(np[k..<end])
        let descriptor = 0..<k
        // The titles (the other segments' words and the descriptor's) and the gender are made only for a speaker.
        func speakerTitles(extra: Int) -> Set<String> {
            var capacity = descriptor.count + extra
            for (index, segment) in pool.enumerated() where index != chosenIndex { capacity += segment.count }
            var titles = Set<String>(minimumCapacity: capacity)
            for (index, segment) in pool.enumerated() where index != chosenIndex {
                for word in flat[segment] { titles.insert(bare(word)) }
            }
            for i in descriptor { titles.insert(keyAt(i)) }
            return titles
        }
        func gender() -> Character? {
            var gender: Character?
            // Every honorific is a short word of letters: only such a key can be one.
            for i in descriptor where packs[i] != 0 && honorificKeys.contains(packs[i]) {
                if let g = honorifics[keyAt(i)], g != "?" { gender = g }
            }
            return gender
        }
        if nameWords.count == 1, Lists.collectives.contains(keys[k], packed: packs[k]) { nameWords = [] }
        if nameWords.isEmpty {
            let phrase = cleaned(joined(np))
            guard !phrase.isEmpty, hasLetter(phrase) else { return nil }
            let plural = np.count == 1 && Lists.collectives.contains(keys[0], packed: packs[0])
            let allKeys = np.indices.map(keyAt)
            if definite, let head = headNoun(keys: allKeys), !plural {
                return .definite(head: head, phrase: phrase)
            }
            var titles = speakerTitles(extra: allKeys.count)
            for key in allKeys { titles.insert(key) }
            return .speaker(Speaker(name: nil, description: plural ? phrase.lowercased() : phrase, titles: titles,
                                    gender: gender(), plural: plural))
        }
        let name = cleaned(joined(nameWords))
        guard hasLetter(name) else { return nil }
        return .speaker(Speaker(name: name, description: nil, titles: speakerTitles(extra: 0), gender: gender(), plural: false))
    }

    private static func isAndOrBut(_ key: String) -> Bool { key == "and" || key == "but" }

    private static let honorificKeys = PackedKeySet(honorifics.keys.map(VerbKey.packed).filter { $0 != 0 })

    /// A word's packed `bare` key for the word lists, with its `bare` form only where the packed key cannot stand
    /// for it ("" where it can).
    private static func lookupKey(_ word: String) -> (key: String, packed: UInt64) {
        let packed = QuoteFinder.packedBare(word)
        return packed != 0 ? ("", packed) : QuoteFinder.bareKey(word)
    }

    /// `word.utf8.last == ","`, read from the bytes.
    private static func endsWithComma(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { $0.last == UInt8(ascii: ",") }
    }

    /// `QuoteFinder.nameParticles.contains(word)`: the particles are all short lower-case words, so a word that
    /// is not 1 to 12 letters a-z is none.
    private static func isParticle(_ word: String) -> Bool {
        let packed = VerbKey.packed(word)
        return packed != 0 && StoryPeople.particleKeys.contains(packed)
    }

    /// `QuoteFinder.nameParticles.contains(word.lowercased())`, ASCII words folded without a new string.
    private static func isParticleLowercased(_ word: String) -> Bool {
        var word = word
        let folded: UInt64?? = word.withUTF8 { bytes in
            guard bytes.count <= 12 else { return .some(nil) }
            var key: UInt64 = 0
            for v in bytes {
                if v >= 0x80 { return nil }
                let lower = v | 0x20
                guard lower >= 0x61, lower <= 0x7A else { return .some(nil) }
                key = key << 5 | UInt64(lower - 0x60)
            }
            return .some(key)
        }
        switch folded {
        case .some(.some(let key)): return key != 0 && StoryPeople.particleKeys.contains(key)
        case .some(.none): return false
        case .none: return QuoteFinder.nameParticles.contains(word.lowercased())
        }
    }

    /// `text.contains(where: \.isLetter)`, answered from the first byte when it is an ASCII letter.
    private static func hasLetter(_ text: String) -> Bool {
        if let first = text.utf8.first, (first | 0x20) >= 0x61, (first | 0x20) <= 0x7A { return true }
        return text.contains(where: \.isLetter)
    }

    /// The words with a space between each two (`joined(separator: " ")`), their bytes copied into a string made
    /// at its size.
    static func joined(_ words: [String]) -> String {
        guard !words.isEmpty else { return "" }
        var length = words.count - 1
        for word in words { length += word.utf8.count }
        return String(unsafeUninitializedCapacity: length) { out in
            var k = 0
            for (i, word) in words.enumerated() {
                if i > 0 {
                    out[k] = UInt8(ascii: " ")
                    k += 1
                }
                var word = word
                word.withUTF8 { bytes in
                    for byte in bytes {
                        out[k] = byte
                        k += 1
                    }
                }
            }
            return k
        }
    }

    /// The word lists `read` asks about every word, by packed key where the word allows.
    private enum Lists {
        static let relatives = WordList(SpeakerPhrase.relatives)
        static let segmentOpeners = WordList(SpeakerPhrase.segmentOpeners)
        static let subordinators = WordList(SpeakerPhrase.subordinators)
        static let auxiliaries = WordList(QuoteFinder.auxiliaries)
        static let pronouns = WordList(SpeakerPhrase.pronouns)
        static let articles = WordList(SpeakerPhrase.articles)
        static let leadingFunctionWords = WordList(SpeakerPhrase.leadingFunctionWords)
        static let organisationHeads = WordList(SpeakerPhrase.organisationHeads)
        static let prepositions = WordList(SpeakerPhrase.prepositions)
        static let collectives = WordList(SpeakerPhrase.collectives)
        static let titles = WordList(TitleWords.all)
    }

    /// Packed keys of single words `read` compares with.
    private enum Packed {
        static let and = VerbKey.packed("and")
        static let but = VerbKey.packed("but")
        static let then = VerbKey.packed("then")
        static let or = VerbKey.packed("or")
        static let the = VerbKey.packed("the")
    }

    /// A capitalised word that can be part of a person's or organisation's name.
    static func isNameWord(_ word: String) -> Bool {
        guard startsUppercase(word), !isPossessive(word) else { return false }
        let (key, packed) = lookupKey(word)
        return !isTitle(word, key: key, packed: packed)
    }

    /// `isNameWord` for a word whose `bare` form is known.
    static func isNameWord(_ word: String, key: String, packed: UInt64) -> Bool {
        guard startsUppercase(word), !isPossessive(word) else { return false }
        return !isTitle(word, key: key, packed: packed)
    }

    /// True when the word, bare (`key`) or lower-cased as it is (`Gen.`), is a title word.
    private static func isTitle(_ word: String, key: String, packed: UInt64) -> Bool {
        if Lists.titles.contains(key, packed: packed) { return true }
        // A word of at most 16 ASCII letters and digits lower-cases to its bare form, already asked.
        if isPlainAlphanumeric(word) { return false }
        return TitleWords.all.contains(word.lowercased())
    }

    private static func isPlainAlphanumeric(_ word: String) -> Bool {
        let utf8 = word.utf8
        guard utf8.count <= 16 else { return false }
        for v in utf8 where !((v >= 0x30 && v <= 0x39) || ((v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A)) { return false }
        return true
    }

    /// True when the word's first character is upper case (`word.first?.isUppercase`), read from its first bytes
    /// when it is an ASCII letter standing alone (an ASCII character followed by another is its own character).
    static func startsUppercase(_ word: String) -> Bool {
        var bytes = word.utf8.makeIterator()
        guard let first = bytes.next() else { return false }
        if first < 0x80 {
            let second = bytes.next()
            if second == nil || second! < 0x80, first != 0x0D { return first >= 0x41 && first <= 0x5A }
        }
        return word.first?.isUppercase == true
    }

    /// Ends in `’s`, `'s`, `s’` or `s'` (compared on the UTF-8 bytes; ’ is E2 80 99).
    static func isPossessive(_ word: String) -> Bool {
        let bytes = word.utf8
        guard let last = bytes.last else { return false }
        var rest = bytes.dropLast()
        if last == UInt8(ascii: "s") {
            guard let before = rest.popLast() else { return false }
            if before == UInt8(ascii: "'") { return true }
            return before == 0x99 && rest.popLast() == 0x80 && rest.popLast() == 0xE2
        }
        if last == UInt8(ascii: "'") { return rest.last == UInt8(ascii: "s") }
        if last == 0x99 {
            return rest.popLast() == 0x80 && rest.popLast() == 0xE2 && rest.popLast() == UInt8(ascii: "s")
        }
        return false
    }

    /// Every word capitalised (or a name particle), at least one not a title: `Samuel Otieno Kariuki`.
    static func isNameLike(_ segment: [String]) -> Bool { isNameLike(segment[...]) }

    static func isNameLike(_ segment: ArraySlice<String>) -> Bool {
        segment.allSatisfy { word in
            !word.isEmpty && (startsUppercase(word) || isParticleLowercased(word))
        } && segment.contains(where: isNameWord)
    }

    /// The title's own noun: the last word before any prepositional phrase (`spokesperson for the army` → spokesperson).
    static func headNoun(_ words: [String]) -> String? { headNoun(keys: words.map(bare)) }

    /// `headNoun` of words given by their `bare` forms.
    static func headNoun(keys: [String]) -> String? {
        var head: String?
        for key in keys {
            if prepositions.contains(key) || relatives.contains(key) { break }
            if !key.isEmpty { head = key }
        }
        return head
    }

    /// Trailing punctuation off, unless it ends an abbreviation (`Jr.`).
    static func cleaned(_ text: String) -> String {
        // Most are one word with nothing to take off: the same text, without collapsing a copy.
        if isClean(text) { return text }
        var t = ParagraphText.collapse(text)
        while let last = t.last, ",;:".contains(last) || (last == "." && !endsWithAbbreviation(t)) { t.removeLast() }
        return t
    }

    /// True when `cleaned` would give `text` back as it is: no space, tab or line break, and no `,` `;` `:` `.` at the
    /// end (checked on the UTF-8 bytes, all ASCII).
    private static func isClean(_ text: String) -> Bool {
        let clean = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let last = bytes.last else { return true }
            if last == UInt8(ascii: ",") || last == UInt8(ascii: ";") || last == UInt8(ascii: ":")
                || last == UInt8(ascii: ".") { return false }
            return !bytes.contains { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        }
        return clean ?? false
    }

    private static func endsWithAbbreviation(_ text: String) -> Bool {
        // The last word is what follows the last space, unless the text ends with one.
        let word = text.lastIndex(of: " ").map { text[text.index(after: $0)...] } ?? text[...]
        guard !word.isEmpty else {
            let last = text.split(separator: " ").last.map { $0.dropLast().lowercased() } ?? ""
            return QuoteFinder.abbreviations.contains(last) || last.count == 1
        }
        let last = word.dropLast().lowercased()
        return QuoteFinder.abbreviations.contains(last) || last.count == 1
    }

    /// Lower case without surrounding punctuation.
    static func bare(_ word: String) -> String { QuoteFinder.bare(word) }
}
