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

    /// Reads a speaker from the words of a subject or of the phrase after `said`/`according to`.
    static func read(_ input: [String]) -> Reading? {
        let words = input.filter { !$0.isEmpty }
        guard !words.isEmpty else { return nil }
        if words.count == 1, pronouns.contains(bare(words[0])) { return .pronoun(bare(words[0])) }

        var segments: [[String]] = [[]]
        for word in words {
            if word.utf8.last == UInt8(ascii: ",") {
                segments[segments.count - 1].append(String(word.dropLast()))
                segments.append([])
            } else {
                segments[segments.count - 1].append(word)
            }
        }
        segments = segments.filter { !$0.isEmpty }
        guard !segments.isEmpty else { return nil }
        // `Al-Rawahi declined to say …, but said`: a lone conjunction closes the segment before it.
        if segments.count >= 2, let last = segments.last, last.count == 1, ["and", "but"].contains(bare(last[0])) {
            segments.removeLast()
            segments[segments.count - 1].append(last[0])
        }
        let kept = segments.filter { !segmentOpeners.contains(bare($0[0])) }
        let pool = kept.isEmpty ? [segments[0]] : kept
        let chosenIndex = pool.firstIndex(where: isNameLike) ?? 0
        var np = pool[chosenIndex]
        var titles = Set<String>()
        for (index, segment) in pool.enumerated() where index != chosenIndex {
            for word in segment { titles.insert(bare(word)) }
        }

        if let r = np.firstIndex(where: { relatives.contains(bare($0)) }), r > 0 { np = Array(np[..<r]) }
        // `Relations soured when Varossa’s president called …`: the subject follows the last subordinator.
        if let c = np.lastIndex(where: { subordinators.contains($0) }), c + 1 < np.count { np = Array(np[(c + 1)...]) }
        if let last = np.last, ["and", "but", "then", "or"].contains(bare(last)) {
            // `Rachel Kimura Alvarez welcomed the release and said`: the subject ends at its last capitalised word.
            np.removeLast()
            while let w = np.last, w.first?.isUppercase != true { np.removeLast() }
        }
        while let last = np.last, QuoteFinder.auxiliaries.contains(bare(last)) { np.removeLast() }
        guard !np.isEmpty, np.count <= 10 else { return nil }
        if np.count == 1, pronouns.contains(bare(np[0])) { return .pronoun(bare(np[0])) }

        var definite = false
        if articles.contains(bare(np[0])) {
            definite = bare(np[0]) == "the"
            np.removeFirst()
            guard !np.isEmpty else { return nil }
        } else if leadingFunctionWords.contains(bare(np[0])) {
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
                if isNameWord(w) { k -= 1; continue }
                if k >= 2, k < end, QuoteFinder.nameParticles.contains(w), np[k - 2].first?.isUppercase == true {
                    k -= 1
                    continue
                }
                break
            }
            if k == end { break }
            if end == np.count, organisationHeads.contains(bare(np[end - 1])) {
                // `State Department`, `Foreign Ministry`: keep the capitalised title words of an organisation's name.
                while k > 0, np[k - 1].first?.isUppercase == true, !isPossessive(np[k - 1]) { k -= 1 }
            }
            var j = k
            if j > 0, articles.contains(bare(np[j - 1])) { j -= 1 }
            guard j > 0, prepositions.contains(bare(np[j - 1])) else { break }
            end = j - 1
        }
        if k == end { k = np.count; end = np.count }
        var nameWords = Array(np[k..<end])
        let descriptor = Array(np[..<k])
        var gender: Character?
        for word in descriptor {
            let key = bare(word)
            if let g = honorifics[key], g != "?" { gender = g }
            titles.insert(key)
        }
        if nameWords.count == 1, collectives.contains(bare(nameWords[0])) { nameWords = [] }
        if nameWords.isEmpty {
            let phrase = cleaned(np.joined(separator: " "))
            guard !phrase.isEmpty, phrase.contains(where: \.isLetter) else { return nil }
            let plural = np.count == 1 && collectives.contains(bare(np[0]))
            if definite, let head = headNoun(np), !plural {
                return .definite(head: head, phrase: phrase)
            }
            for word in np { titles.insert(bare(word)) }
            return .speaker(Speaker(name: nil, description: plural ? phrase.lowercased() : phrase, titles: titles,
                                    gender: gender, plural: plural))
        }
        let name = cleaned(nameWords.joined(separator: " "))
        guard name.contains(where: \.isLetter) else { return nil }
        return .speaker(Speaker(name: name, description: nil, titles: titles, gender: gender, plural: false))
    }

    /// A capitalised word that can be part of a person's or organisation's name.
    static func isNameWord(_ word: String) -> Bool {
        guard let first = word.first, first.isUppercase else { return false }
        if isPossessive(word) { return false }
        return !TitleWords.all.contains(bare(word)) && !TitleWords.all.contains(word.lowercased())
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
    static func isNameLike(_ segment: [String]) -> Bool {
        segment.allSatisfy { word in
            guard let first = word.first else { return false }
            return first.isUppercase || QuoteFinder.nameParticles.contains(word.lowercased())
        } && segment.contains(where: isNameWord)
    }

    /// The title's own noun: the last word before any prepositional phrase (`spokesperson for the army` → spokesperson).
    static func headNoun(_ words: [String]) -> String? {
        var head: String?
        for word in words {
            let key = bare(word)
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
        let last = text.split(separator: " ").last.map { $0.dropLast().lowercased() } ?? ""
        return QuoteFinder.abbreviations.contains(last) || last.count == 1
    }

    /// Lower case without surrounding punctuation.
    static func bare(_ word: String) -> String { QuoteFinder.bare(word) }
}
