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

    /// A speaker met in the text at `paragraph`, newest so far.
    mutating func meet(_ speaker: Speaker, paragraph: Int) {
        var speaker = speaker
        if let name = speaker.name, let g = genders[name.lowercased()], speaker.gender == nil { speaker.gender = g }
        if let name = speaker.name, let g = speaker.gender { genders[name.lowercased()] = g }
        let met = Met(speaker: speaker, paragraph: paragraph)
        recent.append(met)
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
    /// Katarzyna Nowak`).
    mutating func indexNames(_ s: [Unicode.Scalar], words: [Range<Int>], paragraph: Int) {
        // The run's words as ranges (`particle`: kept as written); strings are made only for runs of 2 to 5.
        var run: [(range: Range<Int>, particle: Bool)] = []
        var runStart = 0
        var before: [String] = []   // words just before the run, newest last (the last three count)
        // The last title word of the sentence and its word index: `the spokesperson of the Ministry of Foreign
        // Affairs of Poland, Ms Katarzyna Nowak` gives her the title across the appositive.
        var sentenceTitle: (word: String, index: Int)?
        var wordIndex = 0
        func close() {
            if run.count >= 2, run.count <= 5 {
                var titles = Array(before.suffix(3))
                if let t = sentenceTitle, wordIndex - t.index <= 14, !titles.contains(t.word) { titles.append(t.word) }
                let names = run.map { $0.particle ? ScalarText.string(s[$0.range]) : Self.plainWord(s[$0.range]) }
                add(names, at: Position(paragraph: paragraph, offset: runStart), titles: titles)
            }
            run.removeAll(keepingCapacity: true)
        }
        for range in words {
            wordIndex += 1
            guard let first = s[range].first else { continue }
            let lastScalar = s[range.upperBound - 1]
            let endsSentence = lastScalar == "." || lastScalar == "?" || lastScalar == "!" || lastScalar == ";"
            defer { if endsSentence { sentenceTitle = nil } }
            let endsClause = range.count > 1 && (lastScalar == "," || lastScalar == "." || lastScalar == ";"
                || lastScalar == ":" || lastScalar == "?" || lastScalar == "!" || lastScalar == ")")
            if ScalarText.isLetter(first), !ScalarText.isLowercase(first) {
                // Most capitalised words are plain ASCII: a packed key rejects sentence openers (`The`, `In`) and
                // takes name words without making a string; titles and other words take the general path.
                let folded = VerbKey.folded(s[range])
                if run.isEmpty, let folded, Self.functionKeys.contains(folded) {
                    before.removeAll(keepingCapacity: true)
                    continue
                }
                if let folded, !Self.titleKeys.contains(folded) {
                    if run.isEmpty { runStart = range.lowerBound }
                    run.append((range, false))
                    if endsClause { close(); before.removeAll(keepingCapacity: true) }
                    continue
                }
                let plain = Self.plainWord(s[range])
                let key = QuoteFinder.bare(plain)
                if run.isEmpty, Self.functionWords.contains(key) {
                    before.removeAll(keepingCapacity: true)
                } else if SpeakerPhrase.isNameWord(plain), !plain.contains(where: { QuoteMark.isQuoteMark($0) }) {
                    if run.isEmpty { runStart = range.lowerBound }
                    run.append((range, false))
                    if endsClause { close(); before.removeAll(keepingCapacity: true) }
                    continue
                } else {
                    close()
                    before.append(key)
                    if SpeakerPhrase.honorifics[key] != nil { pendingGender = SpeakerPhrase.honorifics[key] }
                }
            } else if !run.isEmpty, range.count <= 4, QuoteFinder.nameParticles.contains(ScalarText.string(s[range])) {
                run.append((range, true))
                continue
            } else {
                close()
                // Only title words matter as titles (`deputy spokesperson`); others keep their place as "".
                if let packed = VerbKey.key(s[range]), Self.titleKeys.contains(packed) {
                    let key = QuoteFinder.bare(ScalarText.string(s[range]))
                    before.append(key)
                    sentenceTitle = (key, wordIndex)
                } else {
                    before.append("")
                }
                if lastScalar == "." || lastScalar == ";" { before.removeAll(keepingCapacity: true) }
            }
            // Only the last three count; trimmed now and then rather than at every word.
            if before.count > 64 { before.removeFirst(before.count - 3) }
            if endsClause, !(lastScalar == ",") { before.removeAll(keepingCapacity: true) }
        }
        close()
    }

    /// A capitalised word as a name word: its trailing comma and punctuation off (`Nowak,` → `Nowak`).
    private static func plainWord(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        let word = ScalarText.string(scalars)
        return SpeakerPhrase.cleaned(word.utf8.last == UInt8(ascii: ",") ? String(word.dropLast()) : word)
    }

    private var pendingGender: Character?
    /// People named with a title, newest last: the fallback for a pronoun when no speaker fits.
    private var titled: [(name: String, paragraph: Int)] = []

    private mutating func add(_ run: [String], at position: Position, titles: [String]) {
        var words = run
        while let last = words.last, QuoteFinder.nameParticles.contains(last) { words.removeLast() }
        guard words.count >= 2 else { return }
        let display = words.joined(separator: " ")
        let key = display.lowercased()
        if let g = pendingGender, g != "?" {
            genders[key] = genders[key] ?? g
            if let surname = words.last?.lowercased() { genders[surname] = genders[surname] ?? g }
        }
        pendingGender = nil
        if names[key] == nil {
            let folded = words.map { $0.lowercased() }
            names[key] = FullName(display: display, words: folded, first: position)
            for word in Set(folded) where !QuoteFinder.nameParticles.contains(word) {
                var keys = namesByWord[word, default: []]
                guard keys.count < Self.namesPerWord else { continue }
                keys.append(key)
                namesByWord[word] = keys
            }
        }
        if titles.contains(where: { TitleWords.all.contains($0) }) {
            // Named with a title (`Foreign Minister Irena Dalsky`): a person a later `she said` may mean.
            titled.append((display, position.paragraph))
            if titled.count > Self.recentLimit * 2 { titled.removeFirst(titled.count - Self.recentLimit) }
        }
        if !titles.isEmpty {
            var titleSet = Set(titles.filter { !$0.isEmpty && !SpeakerPhrase.articles.contains($0) })
            titleSet.subtract(SpeakerPhrase.prepositions)
            if !titleSet.isEmpty {
                let speaker = Speaker(name: display, description: nil, titles: titleSet, gender: genders[key], plural: false)
                for title in titleSet { byTitle[title] = Met(speaker: speaker, paragraph: position.paragraph) }
            }
        }
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
