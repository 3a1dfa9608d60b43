import BriefTagger

/// The people a story has named so far, for resolving who speaks: the speakers met in reading order (for `she
/// said` and `the spokesperson said`), and every full name the text gives (`Deputy Foreign Minister Iryna
/// Bondarchuk` → `Iryna Bondarchuk`), so that `Bondarchuk said` or the label `MS BONDARCHUK` can be shown by the
/// name in full. All look-ups are bounded (a few recent speakers, at most 16 names per word), keeping a story with
/// thousands of turns linear.
struct StoryPeople {
    struct Position: Comparable, Hashable, Sendable {
        var paragraph: Int
        var offset: Int
        static func < (a: Position, b: Position) -> Bool { (a.paragraph, a.offset) < (b.paragraph, b.offset) }
    }

    private struct Met {
        var speaker: Speaker
        var paragraph: Int
    }

    private struct FullName {
        var display: String
        var words: [String]
        var first: Position
    }

    /// The most recent speakers, newest last.
    private var recent: [Met] = []
    /// The latest speaker holding each title word (`spokesperson`, `official`).
    private var byTitle: [String: Met] = [:]
    private var genders: [String: Character] = [:]
    private var names: [String: FullName] = [:]
    private var namesByWord: [String: [String]] = [:]

    static let recentLimit = 12
    static let namesPerWord = 16

    /// Capitalised words at the start of a sentence that never begin a name.
    static let functionWords: Set<String> = [
        "the", "a", "an", "in", "on", "at", "but", "and", "for", "from", "with", "as", "after", "before", "by", "to",
        "of", "it", "he", "she", "they", "we", "i", "you", "this", "that", "these", "those", "there", "when",
        "while", "if", "its", "his", "her", "their", "our", "what", "some", "many", "both", "each", "every", "all",
        "no", "not", "also", "yet", "so", "since", "until", "under", "over", "about", "during", "one", "two",
        "asked", "speaking", "however", "meanwhile", "thanks", "thank", "yes", "good", "first", "second", "last",
        "next", "our", "my", "your", "we’re", "i’m", "it’s", "that’s", "let", "please", "well",
    ]

    static let functionKeys = PackedKeySet(functionWords.compactMap { VerbKey.folded(Array($0.unicodeScalars)[...]) })
    static let titleKeys = PackedKeySet(TitleWords.all.compactMap { VerbKey.key(Array($0.unicodeScalars)[...]) })
    static let particleKeys = PackedKeySet(QuoteFinder.nameParticles.compactMap { VerbKey.exact(Array($0.unicodeScalars)[...]) })

    /// A speaker met in the text at `paragraph`, newest so far.
    mutating func meet(_ speaker: Speaker, paragraph: Int) {
        var speaker = speaker
        if let name = speaker.name {
            let key = name.lowercased()
            if speaker.gender == nil { speaker.gender = genders[key] }
            else if let g = speaker.gender { genders[key] = g }
        }
        let met = Met(speaker: speaker, paragraph: paragraph)
        recent.append(met)
        if byTitle.isEmpty { byTitle.reserveCapacity(64) }
        if recent.count > Self.recentLimit * 2 { recent.removeFirst(recent.count - Self.recentLimit) }
        for title in speaker.titles where !title.isEmpty { byTitle[title] = met }
    }

    /// The nearest fitting speaker for `he`/`she`/`they`/`it` at `paragraph`: named in this paragraph or the one
    /// before, not plural for `he`/`she`, and of no other known gender.
    mutating func resolve(pronoun: String, paragraph: Int) -> Speaker? {
        guard pronoun == "he" || pronoun == "she" || pronoun == "they" || pronoun == "it" else { return nil }
        let wanted: Character? = pronoun == "he" ? "m" : pronoun == "she" ? "f" : nil
        for met in recent.reversed() {
            guard met.paragraph >= paragraph - 1 else { break }
            var speaker = met.speaker
            if wanted != nil {
                if speaker.plural { continue }
                let known = speaker.name.flatMap { genders[$0.lowercased()] ?? genders[$0.lowercased().split(separator: " ").last.map(String.init) ?? ""] }
                    ?? speaker.gender
                if let known, known != wanted { continue }
                if let name = speaker.name, let wanted {
                    genders[name.lowercased()] = wanted
                    speaker.gender = wanted
                }
            }
            return speaker
        }
        guard let wanted else { return nil }
        for person in titled.reversed() {
            guard person.paragraph >= paragraph - 1 else { break }
            if let known = genders[person.name.lowercased()], known != wanted { continue }
            genders[person.name.lowercased()] = wanted
            return Speaker(name: person.name, description: nil, titles: [], gender: wanted, plural: false)
        }
        return nil
    }

    /// The latest speaker holding the title whose last word is `head` (`spokesperson`, `official`), or nil.
    func holder(ofTitle head: String) -> Speaker? {
        byTitle[head]?.speaker
    }

    /// Records every run of two to five capitalised name words in a paragraph (`Katarzyna Nowak`), titles and
    /// honorifics cut off, and the titles just before it as titles its person holds (`the deputy spokesperson,
    /// Katarzyna Nowak`). `keys` are the words' `VerbKey.key`s (0 for none).
    mutating func indexNames(_ s: [Unicode.Scalar], words: [Range<Int>], keys: [UInt64], paragraph: Int) {
        // The run is always consecutive words: its first word's index and its length, with a bit for each of its
        // first words that is a particle (kept as written). Strings are made only for runs of 2 to 5.
        var runFirst = 0
        var runCount = 0
        var particles: UInt64 = 0
        // The words just before the run: only the last three count, kept newest last in `before` as indices into
        // `beforeWords` (a title's key), or -1 for another word.
        var before = RecentWords()
        var beforeWords: [String] = []
        // The last title word of the sentence and its word index: `the spokesperson of the Ministry of Foreign
        // Affairs of Poland, Ms Katarzyna Nowak` gives her the title across the appositive.
        var sentenceTitle: (word: String, index: Int)?
        var wordIndex = 0
        let functionKeys = Self.functionKeys
        let titleKeys = Self.titleKeys
        let particleKeys = Self.particleKeys
        func close() {
            guard runCount > 0 else { return }
            if runCount >= 2, runCount <= 5 {
                var titles = before.words(beforeWords)
                if let t = sentenceTitle, wordIndex - t.index <= 14, !titles.contains(t.word) { titles.append(t.word) }
                var names: [String] = []
                names.reserveCapacity(runCount)
                for k in 0..<runCount {
                    let range = words[runFirst + k]
                    names.append(particles & (1 << UInt64(k)) != 0 ? ScalarText.string(s[range]) : Self.plainWord(s[range]))
                }
                add(names, at: Position(paragraph: paragraph, offset: words[runFirst].lowerBound), titles: titles)
            }
            runCount = 0
            particles = 0
        }
        for (index, range) in words.enumerated() {
            wordIndex += 1
            // Word ranges are never empty.
            let first = s[range.lowerBound]
            let lastScalar = s[range.upperBound - 1]
            let endsSentence = lastScalar == "." || lastScalar == "?" || lastScalar == "!" || lastScalar == ";"
            // Most words: lower case, outside a run and no title. They only take a place in `before`, and their
            // punctuation may empty it (the general path below, in short).
            if runCount == 0, first.value &- 0x61 < 26, keys[index] == 0 || !titleKeys.contains(keys[index]) {
                before.append(-1)
                if lastScalar == "." || lastScalar == ";" {
                    before.removeAll()
                } else if range.count > 1,
                          lastScalar == ":" || lastScalar == "?" || lastScalar == "!" || lastScalar == ")" {
                    before.removeAll()
                }
                if endsSentence { sentenceTitle = nil }
                continue
            }
            defer { if endsSentence { sentenceTitle = nil } }
            let endsClause = range.count > 1 && (lastScalar == "," || lastScalar == "." || lastScalar == ";"
                || lastScalar == ":" || lastScalar == "?" || lastScalar == "!" || lastScalar == ")")
            if ScalarText.isLetter(first), !ScalarText.isLowercase(first) {
                // Most capitalised words are plain ASCII: a packed key rejects sentence openers (`The`, `In`) and
                // takes name words without making a string; titles and other words take the general path.
                let folded = VerbKey.folded(s[range])
                if runCount == 0, let folded, functionKeys.contains(folded) {
                    before.removeAll()
                    continue
                }
                if let folded, !titleKeys.contains(folded) {
                    if runCount == 0 { runFirst = index }
                    runCount += 1
                    if endsClause { close(); before.removeAll() }
                    continue
                }
                let plain = Self.plainWord(s[range])
                let key = QuoteFinder.bare(plain)
                if runCount == 0, Self.functionWords.contains(key) {
                    before.removeAll()
                } else if SpeakerPhrase.isNameWord(plain), !Self.hasQuoteMark(plain) {
                    if runCount == 0 { runFirst = index }
                    runCount += 1
                    if endsClause { close(); before.removeAll() }
                    continue
                } else {
                    close()
                    before.append(beforeWords.count)
                    beforeWords.append(key)
                    if let g = SpeakerPhrase.honorifics[key] { pendingGender = g }
                }
            } else if runCount > 0, range.count <= 4, let exact = VerbKey.exact(s[range]), particleKeys.contains(exact) {
                if runCount < 64 { particles |= 1 << UInt64(runCount) }
                runCount += 1
                continue
            } else {
                if runCount > 0 { close() }
                // Only title words matter as titles (`deputy spokesperson`); others keep their place as "".
                if keys[index] != 0, titleKeys.contains(keys[index]) {
                    let key = QuoteFinder.bare(ScalarText.string(s[range]))
                    before.append(beforeWords.count)
                    beforeWords.append(key)
                    sentenceTitle = (key, wordIndex)
                } else {
                    before.append(-1)
                }
                if lastScalar == "." || lastScalar == ";" { before.removeAll() }
            }
            if endsClause, !(lastScalar == ",") { before.removeAll() }
        }
        close()
    }

    /// The last three words before a run of name words, oldest first: an index into the paragraph's list of
    /// title keys, or -1 for another word (read as "").
    private struct RecentWords {
        private var first = -1
        private var second = -1
        private var third = -1
        private var count = 0

        func words(_ keys: [String]) -> [String] {
            func word(_ i: Int) -> String { i < 0 ? "" : keys[i] }
            switch count {
            case 0: return []
            case 1: return [word(third)]
            case 2: return [word(second), word(third)]
            default: return [word(first), word(second), word(third)]
            }
        }

        mutating func append(_ word: Int) {
            first = second
            second = third
            third = word
            if count < 3 { count += 1 }
        }

        mutating func removeAll() { count = 0 }
    }

    /// True when the word holds a quotation mark `QuoteMark.isQuoteMark` knows: a byte scan for `"`, “ ” ‘ (E2 80
    /// 9C, 9D, 98) and « (C2 AB) first, the characters compared only when one is there.
    private static func hasQuoteMark(_ word: String) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        var found = false
        for byte in word.utf8 {
            if byte == 0x22 || (beforePrevious == 0xE2 && previous == 0x80 && (byte == 0x9C || byte == 0x9D || byte == 0x98))
                || (previous == 0xC2 && byte == 0xAB) {
                found = true
                break
            }
            beforePrevious = previous
            previous = byte
        }
        return found && word.contains(where: { QuoteMark.isQuoteMark($0) })
    }

    /// A capitalised word as a name word: its trailing comma and punctuation off (`Nowak,` → `Nowak`).
    private static func plainWord(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        // `Nowak,`: the comma is its own last character when an ASCII character is before it.
        if scalars.count >= 2, scalars.last == ",", scalars[scalars.endIndex - 2].isASCII {
            return SpeakerPhrase.cleaned(ScalarText.string(scalars.dropLast()))
        }
        let word = ScalarText.string(scalars)
        return SpeakerPhrase.cleaned(word.utf8.last == UInt8(ascii: ",") ? String(word.dropLast()) : word)
    }

    private var pendingGender: Character?
    /// People named with a title, newest last: the fallback for a pronoun when no speaker fits.
    private var titled: [(name: String, paragraph: Int)] = []

    private mutating func add(_ run: [String], at position: Position, titles: [String]) {
        let particles = QuoteFinder.nameParticles
        var count = run.count
        while count > 0, particles.contains(run[count - 1]) { count -= 1 }
        guard count >= 2 else { return }
        let words = count == run.count ? run : Array(run[..<count])
        let display = SpeakerPhrase.joined(words)
        let key = display.lowercased()
        if let g = pendingGender, g != "?" {
            if genders[key] == nil { genders[key] = g }
            let surname = words[count - 1].lowercased()
            if genders[surname] == nil { genders[surname] = g }
        }
        pendingGender = nil
        // A story names a few dozen people and things: room for them at once rather than growing step by step.
        if names.isEmpty {
            names.reserveCapacity(32)
            namesByWord.reserveCapacity(64)
        }
        // One look-up: the name is stored when new, and only then are its words folded.
        var folded: [String] = []
        func newName() -> FullName {
            folded = words.map { $0.lowercased() }
            return FullName(display: display, words: folded, first: position)
        }
        Self.touch(&names[key, default: newName()])
        // Each distinct word once (`Ali Ali` is listed under `ali` once); a new word's list starts with this name.
        for (i, word) in folded.enumerated() where !particles.contains(word) && !folded[..<i].contains(word) {
            Self.append(key, to: &namesByWord[word, default: []])
        }
        // Most runs have no title before them: `before` holds "" for other words.
        guard titles.contains(where: { !$0.isEmpty }) else { return }
        if titles.contains(where: { TitleWords.all.contains($0) }) {
            // Named with a title (`Foreign Minister Irena Dalsky`): a person a later `she said` may mean.
            titled.append((display, position.paragraph))
            if titled.count > Self.recentLimit * 2 { titled.removeFirst(titled.count - Self.recentLimit) }
        }
        var kept: [String] = []
        for title in titles where !title.isEmpty && !SpeakerPhrase.articles.contains(title)
            && !SpeakerPhrase.prepositions.contains(title) && !kept.contains(title) {
            kept.append(title)
        }
        if !kept.isEmpty {
            let speaker = Speaker(name: display, description: nil, titles: Set(kept), gender: genders[key], plural: false)
            let met = Met(speaker: speaker, paragraph: position.paragraph)
            for title in kept { byTitle[title] = met }
        }
    }

    /// Nothing: passing a dictionary's `[key, default: …]` here stores the default when the key is new.
    private static func touch<T>(_ value: inout T) {}

    /// Adds a name's key to a word's list while it has room.
    private static func append(_ key: String, to keys: inout [String]) {
        if keys.count < namesPerWord { keys.append(key) }
    }

    /// The name in full for a shorter form (`Nowak`, `NOWAK`, `Duarte Moreira`): a name of more words the text
    /// gives that contains these words in order, the latest first given before `position`, else the first given
    /// after it; nil when there is none.
    func fullName(for name: String, at position: Position) -> String? {
        let query = name.split(separator: " ").map { $0.lowercased() }
        guard let last = query.last, let keys = namesByWord[last] else { return nil }
        var before: FullName?
        var after: FullName?
        for key in keys {
            guard let candidate = names[key], candidate.words.count > query.count,
                  Self.contains(candidate.words, query) else { continue }
            // The fullest form wins (`Helena Duarte Moreira` over `Duarte Moreira`), then the nearest before.
            if candidate.first <= position {
                if let b = before, (b.words.count, b.first) >= (candidate.words.count, candidate.first) { continue }
                before = candidate
            } else {
                if let a = after, a.words.count > candidate.words.count
                    || (a.words.count == candidate.words.count && a.first <= candidate.first) { continue }
                after = candidate
            }
        }
        return (before ?? after)?.display
    }

    /// True when `part` occurs in `whole` as consecutive words.
    private static func contains(_ whole: [String], _ part: [String]) -> Bool {
        guard part.count <= whole.count else { return false }
        for start in 0...(whole.count - part.count) where Array(whole[start..<(start + part.count)]) == part {
            return true
        }
        return false
    }

    /// Gender known for a name, from an honorific or a resolved pronoun.
    func gender(of name: String) -> Character? { genders[name.lowercased()] }
}
