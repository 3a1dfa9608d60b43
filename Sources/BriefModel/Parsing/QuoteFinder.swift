import Foundation

/// Collects direct quotes from a story's paragraphs, in reading order, and says who speaks them.
///
/// Quotes: “…” and straight "…" pairs, «…», and ‘…’ only when it opens after a space or bracket and closes
/// before a non-letter (so apostrophes in `don’t` are never quotes). Single quotes inside double quotes are
/// part of the outer quote. A “ left open runs to the end of its paragraph; when the next paragraph opens with
/// “, that is the same quote going on (the wire convention), and the two parts are one quote. A quote followed
/// by a bracketed quote (`“停止挑衅” (“stop the provocations”)`) is one quote with its translation.
///
/// Speakers, in order of preference:
/// 1. after the quote: `“…,” said X` / `“…,” X said` / `“…,” X told reporters` / `“…,” according to X`;
/// 2. before it: `X said: “…”`, `X told reporters: “…”`, `X said, “…”`;
/// 3. reported speech around a partial quote: `X said the two sides should “not spend …”`,
///    `X described the atmosphere as “serious”`;
/// 4. a quote right after `“…,” X said.` goes on with X's words;
/// 5. in a transcript turn, the turn's speaker.
/// The phrase found is read by `SpeakerPhrase` (name, else description); `he`/`she`/`they` take the nearest
/// fitting speaker of this or the previous paragraph, and `the spokesperson` the latest person holding that title
/// (`StoryPeople`). At the end, a shorter name is shown as the story gives it in full (`Nowak` → `Katarzyna Nowak`).
/// Scare quotes (one or two words with no closing punctuation, `“killer”`) take a speaker only from rules 1 and 3.
/// Every scan is bounded per quote or per word, so the whole is linear in the story's length.
struct QuoteFinder {
    static let speechVerbs: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "stated", "states", "wrote",
        "writes", "declared", "announced", "explained", "replied", "noted", "notes", "insisted", "warned",
        "continued", "argued", "acknowledged", "stressed", "recalled", "responded", "complained", "urged",
        "cautioned", "remarked", "posted", "tweeted", "quipped", "conceded", "countered",
    ]
    /// Verbs that report speech around a partial quote but do not introduce a whole one (`called it “…”`).
    static let reportingVerbs: Set<String> = [
        "called", "calls", "described", "describes", "dismissed", "rejected", "denied", "condemned", "welcomed",
        "praised", "criticised", "criticized", "accused", "promised", "pledged", "vowed", "predicted",
    ]
    /// Words that end a speaker phrase: time and place adverbials (`said Lavrov on Tuesday`).
    static let speakerStops: Set<String> = [
        "on", "in", "at", "during", "after", "before", "earlier", "later", "yesterday", "today", "tonight",
        "last", "this", "when", "while", "as", "adding", "according", "who", "which", "and", "but", "to",
        "told", "said", "says", "from", "via", "by", "late", "early", "speaking",
    ]
    /// Words between a subject and its verb that are not part of the name (`Lavrov also said`).
    static let auxiliaries: Set<String> = [
        "has", "had", "have", "also", "later", "then", "again", "once", "previously", "earlier", "would", "will",
        "further", "separately", "simply", "just", "repeatedly", "often", "reportedly", "publicly", "privately",
        "quickly", "only", "flatly", "firmly", "still",
    ]
    /// `were told`, `was asked`: the subject is the listener, not the speaker.
    static let passiveMarkers: Set<String> = ["was", "were", "is", "are", "been", "being", "be", "get", "got", "gets"]
    /// Abbreviations whose period does not end a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sen", "rep", "gov", "prof", "sgt", "capt", "maj",
        "adm", "jr", "sr", "amb", "pres", "sec", "no", "u.s", "u.n", "u.k", "e.u",
    ]
    /// Particles that may be lower case inside a name (`Salim bin Nasser`).
    static let nameParticles: Set<String> = ["bin", "bint", "ibn", "al", "el", "de", "da", "di", "du", "van", "von",
                                             "der", "la", "le", "y"]

    /// A speech verb met while scanning a paragraph, with the subject before it.
    private struct Event {
        var verbStart: Int
        var verbEnd: Int
        var reading: SpeakerPhrase.Reading
        var resolved: Speaker?
    }

    /// A transcript label read as a speaker phrase: the named person in its parenthesis, the reading of its head
    /// (`MS NOWAK`) and the head's title noun.
    private struct LabelReading {
        var inside: Speaker?
        var head: SpeakerPhrase.Reading?
        var headNoun: String?
    }

    /// Where a quote was found, for showing its speaker's name in full at the end.
    private struct Found {
        var quote: Quote
        var position: StoryPeople.Position
    }

    private(set) var people = StoryPeople()
    private var labelReadings: [String: LabelReading] = [:]
    private var found: [Found] = []
    /// A quote left open at the end of the previous paragraph: its index in `found`.
    private var pendingOpen: Int?

    /// Adds one paragraph's quotes. Call once per paragraph in reading order; `index` counts paragraphs across
    /// sections. `turnSpeaker` is the resolved speaker of the transcript turn the paragraph belongs to.
    mutating func add(paragraph text: String, index: Int, turnSpeaker: Speaker?) {
        let s = ScalarText.scalars(text)
        let (words, keys, hasQuoteMark) = Self.words(s)
        people.indexNames(s, words: words, keys: keys, paragraph: index)
        var events = Self.events(s, words: words, keys: keys)
        var nextEvent = 0
        let open = pendingOpen
        pendingOpen = nil
        let spans = hasQuoteMark ? Self.joinTranslations(Self.spans(s), s) : []
        var previousAttributed: (speaker: Speaker, end: Int)?
        for (spanIndex, item) in spans.enumerated() {
            let span = item.span
            // Speakers met before this quote count for its pronouns and titles.
            while nextEvent < events.count, events[nextEvent].verbStart < span.start {
                events[nextEvent].resolved = resolve(events[nextEvent].reading, paragraph: index)
                if let speaker = events[nextEvent].resolved { people.meet(speaker, paragraph: index) }
                nextEvent += 1
            }
            let inner = Self.cleanQuoteText(ScalarText.string(s[span.textStart..<span.textEnd]))
            guard !inner.isEmpty else { continue }
            let scare = Self.hasAtMostTwoWords(inner) && !(inner.last.map { ".,?!…;".contains($0) } ?? false)
            // `“… rulebook.” Beijing’s spokesman said …` starts a new sentence: the words after are not its attribution.
            let closesSentence = inner.hasSuffix(".") || inner.hasSuffix("?") || inner.hasSuffix("!")
            var reading = closesSentence ? nil : Self.attributionAfter(s, from: item.end)
            let after = reading != nil
            if reading == nil, !scare { reading = Self.attributionBefore(s, upTo: span.start) }
            var speaker = reading.flatMap { resolve($0, paragraph: index) }
            if speaker == nil, reading == nil {
                speaker = Self.reportedSpeaker(s, events: events[..<nextEvent], before: span.start)
            }
            if speaker == nil, reading == nil, !scare, let previous = previousAttributed,
               Self.isAttributionGap(s, from: previous.end, to: span.start) {
                speaker = previous.speaker
            }
            if speaker == nil, reading == nil, !scare { speaker = turnSpeaker }
            if let speaker, reading != nil { people.meet(speaker, paragraph: index) }
            previousAttributed = after ? speaker.map { ($0, item.end) } : nil

            // The second part of a quote that went on from the previous paragraph.
            if spanIndex == 0, let open, Self.opensParagraph(s, at: span.start) {
                found[open].quote.text += " " + inner
                if found[open].quote.speaker == nil, found[open].quote.description == nil, let speaker {
                    found[open].quote.speaker = speaker.name
                    found[open].quote.description = speaker.name == nil ? speaker.description : nil
                }
                if span.open { pendingOpen = open }
                continue
            }
            var quote = Quote(text: inner, speaker: speaker?.name, paragraph: index)
            if speaker?.name == nil { quote.description = speaker?.description }
            if let translation = item.translation {
                quote.translation = Self.cleanQuoteText(ScalarText.string(s[translation]))
            }
            found.append(Found(quote: quote, position: StoryPeople.Position(paragraph: index, offset: span.start)))
            if span.open, spanIndex == spans.count - 1 { pendingOpen = found.count - 1 }
        }
        while nextEvent < events.count {
            events[nextEvent].resolved = resolve(events[nextEvent].reading, paragraph: index)
            if let speaker = events[nextEvent].resolved { people.meet(speaker, paragraph: index) }
            nextEvent += 1
        }
    }

    /// A transcript label's speaker: the person in the parenthesis (`SPOKESPERSON (Ms Katarzyna Nowak)`), else the
    /// name the label gives without titles (`MS NOWAK` → `Nowak`), else the latest holder of its title
    /// (`SPOKESPERSON`); nil for roles (`QUESTION (Reuters)`, `Q`, `MODERATOR`). Met as the newest speaker.
    mutating func turnSpeaker(_ label: SpeakerLabel, paragraph: Int) -> Speaker? {
        guard !label.isRole else { return nil }
        let reading = labelReading(label)
        var speaker = reading.inside
        if speaker == nil, let headReading = reading.head {
            switch headReading {
            case .speaker(let named) where named.name != nil: speaker = named
            case .speaker: speaker = nil // a title alone (`SPOKESPERSON`): its holder, below
            case .definite(let head, _): speaker = people.holder(ofTitle: head)
            case .pronoun: speaker = nil
            }
            if speaker == nil, case .speaker(let described) = headReading, let head = reading.headNoun {
                speaker = people.holder(ofTitle: head) ?? Speaker(name: nil, description: described.description,
                                                                   titles: described.titles, gender: nil, plural: false)
            }
        }
        if let speaker { people.meet(speaker, paragraph: paragraph) }
        return speaker
    }

    /// What a label's words say, read once per distinct label (a transcript repeats a few labels many times).
    private mutating func labelReading(_ label: SpeakerLabel) -> LabelReading {
        if let known = labelReadings[label.name] { return known }
        var inside: Speaker?
        if let note = label.note, case .speaker(let named)? = SpeakerPhrase.read(Self.titleCased(note)),
           named.name != nil, note.first?.isUppercase == true {
            inside = named
        }
        let words = Self.titleCased(label.head)
        let reading = LabelReading(inside: inside, head: SpeakerPhrase.read(words), headNoun: SpeakerPhrase.headNoun(words))
        // Bounded: a transcript of thousands of distinct labels keeps only the first few hundred.
        if labelReadings.count < 256 { labelReadings[label.name] = reading }
        return reading
    }

    /// All quotes in reading order, every shorter name shown as the story gives it in full.
    func quotes() -> [Quote] {
        found.map { item in
            var quote = item.quote
            if let name = quote.speaker { quote.speaker = fullName(name, at: item.position) }
            return quote
        }
    }

    /// `name` in full where the story gives it so (`Lindqvist` → `Elin Lindqvist`), else as it is.
    func fullName(_ name: String, at position: StoryPeople.Position) -> String {
        people.fullName(for: name, at: position) ?? name
    }

    private mutating func resolve(_ reading: SpeakerPhrase.Reading, paragraph: Int) -> Speaker? {
        switch reading {
        case .speaker(let speaker):
            return speaker
        case .pronoun(let pronoun):
            return people.resolve(pronoun: pronoun, paragraph: paragraph)
        case .definite(let head, let phrase):
            return people.holder(ofTitle: head)
                ?? Speaker(name: nil, description: phrase, titles: [head], gender: nil, plural: false)
        }
    }

    /// `MS NOWAK` → `Ms Nowak` word by word; words already in mixed case are kept.
    static func titleCased(_ text: String) -> [String] {
        text.split(separator: " ").map { word in
            guard word.contains(where: \.isLetter), !word.contains(where: \.isLowercase) else { return String(word) }
            guard word.count > 1 else { return String(word) }
            // Each hyphen or apostrophe part capitalised: `MOHAMMADI-FAR` → `Mohammadi-Far`.
            var out = ""
            var startOfPart = true
            for ch in word {
                out.append(startOfPart ? Character(ch.uppercased()) : Character(ch.lowercased()))
                startOfPart = ch == "-"
            }
            return out
        }
    }

    /// True when the quote mark at `start` opens the paragraph (only spaces before it).
    private static func opensParagraph(_ s: [Unicode.Scalar], at start: Int) -> Bool {
        s[..<start].allSatisfy { $0 == " " }
    }

    /// Rule 3: the speaker of a speech or reporting verb earlier in the same sentence as the quote.
    private static func reportedSpeaker(_ s: [Unicode.Scalar], events: ArraySlice<Event>, before start: Int) -> Speaker? {
        guard let event = events.last(where: { $0.verbEnd <= start }), let speaker = event.resolved,
              start - event.verbEnd <= 400 else { return nil }
        var i = event.verbEnd
        while i < start {
            let c = s[i]
            if c == ";" { return nil }
            if c == "." || c == "?" || c == "!" {
                // A sentence ends at `. ` or `.” ` (a quote closing its sentence), not at `Mr.` or `U.S.`.
                var k = i + 1
                if k < s.count, s[k] == QuoteMark.closeDouble || s[k] == QuoteMark.straight { k += 1 }
                if k < s.count, s[k] == " ", !isAbbreviation(s, periodAt: i) { return nil }
            }
            i += 1
        }
        return speaker
    }

    /// Word ranges of a paragraph (split on spaces), each word's `VerbKey.key` (0 for none), and whether it has an
    /// opening mark `spans` looks for (`"`, “, ‘ or «), all found in one pass. The keys are read once here for
    /// every later pass over the words.
    private static func words(_ s: [Unicode.Scalar]) -> (words: [Range<Int>], keys: [UInt64], hasQuoteMark: Bool) {
        s.withUnsafeBufferPointer { s in
            var ranges: [Range<Int>] = []
            var keys: [UInt64] = []
            // About one word in six scalars; a longer count grows the arrays as usual.
            ranges.reserveCapacity(s.count / 5 + 4)
            keys.reserveCapacity(s.count / 5 + 4)
            var marks = false
            let n = s.count
            var i = 0
            while i < n {
                while i < n, s[i] == " " { i += 1 }
                guard i < n else { break }
                let start = i
                // A word's key as `VerbKey.key` reads it: lower-case letters, then only `,` `.` `;` `:`.
                var key: UInt64 = 0
                while i < n, s[i].value &- 0x61 < 26 {
                    key = key << 5 | UInt64(s[i].value - 0x60)
                    i += 1
                }
                let letters = i - start
                while i < n, s[i] == "," || s[i] == "." || s[i] == ";" || s[i] == ":" { i += 1 }
                var valid = true
                while i < n, s[i] != " " {
                    valid = false
                    let v = s[i].value
                    if v == 0x22 || v == 0x201C || v == 0x2018 || v == 0xAB { marks = true } // " “ ‘ «
                    i += 1
                }
                ranges.append(start..<i)
                keys.append(valid && letters >= 2 && letters <= 12 ? key : 0)
            }
            return (ranges, keys, marks)
        }
    }

    /// Speech and reporting verbs with the subjects before them, and `according to X`, in text order.
    private static func events(_ s: [Unicode.Scalar], words: [Range<Int>], keys: [UInt64]) -> [Event] {
        var events: [Event] = []
        // The word lists read once, not at every word.
        let verbs = VerbKey.verbs
        let according = VerbKey.according, to = VerbKey.to, and = VerbKey.and, but = VerbKey.but
        for (index, range) in words.enumerated() {
            let key = keys[index]
            guard range.count >= 3, range.count <= 14, key != 0 else { continue }
            if key == according {
                guard index + 2 < words.count, keys[index + 1] == to else { continue }
                let phrase = clauseWords(s, from: words[index + 2].lowerBound)
                if let reading = speakerPhrase(phrase) {
                    events.append(Event(verbStart: range.lowerBound, verbEnd: range.upperBound, reading: reading))
                }
                continue
            }
            guard verbs.contains(key), index > 0 else { continue }
            // `…, officials said`: people in general are nobody's title or pronoun; skip building the subject.
            let before = words[index - 1]
            if before.count <= 14, SpeakerPhrase.isCollective(s[before]) { continue }
            // The subject: words back to the start of the sentence (at most 30 words).
            var first = index
            while first > 0, index - first < 30 {
                let previous = words[first - 1]
                let last = s[previous.upperBound - 1]
                if last == ";" || last == ":" || last == QuoteMark.closeDouble || last == QuoteMark.straight
                    || last == QuoteMark.closeGuillemet { break }
                if (last == "." || last == "?" || last == "!"), !isAbbreviation(s, periodAt: previous.upperBound - 1) { break }
                first -= 1
            }
            guard first < index, index - first < 30 else { continue }
            // `to say`: an infinitive (`declined to say`) reports no statement.
            if keys[index - 1] == to { continue }
            var subjectWords: [String]
            if keys[first..<index].contains(where: { $0 != 0 && verbs.contains($0) }) {
                // A subject holding another verb is a clause (`Lepik said the Baltic states would …`), unless the verb
                // is coordinated (`Al-Rawahi declined to say …, but said`): then the sentence's opening name.
                let conjunction = keys[index - 1]
                guard conjunction == and || conjunction == but else { continue }
                subjectWords = []
                for range in words[first..<index] {
                    let word = ScalarText.string(s[range])
                    guard SpeakerPhrase.isNameWord(SpeakerPhrase.cleaned(word)) else { break }
                    subjectWords.append(word)
                    if word.utf8.last == UInt8(ascii: ",") { break }
                }
            } else {
                subjectWords = []
                subjectWords.reserveCapacity(index - first)
                for range in words[first..<index] { subjectWords.append(ScalarText.string(s[range])) }
            }
            if let reading = subject(subjectWords) {
                events.append(Event(verbStart: range.lowerBound, verbEnd: range.upperBound, reading: reading))
            }
        }
        return events
    }

    /// Pairs each quote with a bracketed quote right after it (`“…” (“…”)`), which is its translation.
    private static func joinTranslations(_ spans: [Span], _ s: [Unicode.Scalar]) -> [(span: Span, end: Int, translation: Range<Int>?)] {
        var result: [(span: Span, end: Int, translation: Range<Int>?)] = []
        var i = 0
        while i < spans.count {
            let span = spans[i]
            if i + 1 < spans.count, !span.open {
                let next = spans[i + 1]
                var k = span.end
                while k < next.start, s[k] == " " { k += 1 }
                if k < next.start, s[k] == "(" || s[k] == "[" {
                    let close: Unicode.Scalar = s[k] == "(" ? ")" : "]"
                    k += 1
                    while k < next.start, s[k] == " " { k += 1 }
                    var m = next.end
                    while m < s.count, s[m] == " " { m += 1 }
                    if k == next.start, !next.open, m < s.count, s[m] == close {
                        result.append((span, m + 1, next.textStart..<next.textEnd))
                        i += 2
                        continue
                    }
                }
            }
            result.append((span, span.end, nil))
            i += 1
        }
        return result
    }

    /// Rule 1: the words after the closing mark, up to the end of the clause.
    private static func attributionAfter(_ s: [Unicode.Scalar], from end: Int) -> SpeakerPhrase.Reading? {
        var i = end
        while i < s.count, s[i] == " " || s[i] == "," { i += 1 }
        // The words as ranges: strings are made only for the ones a reading needs.
        let words = clauseRanges(s, from: i)
        guard let first = words.first else { return nil }
        func strings(_ ranges: ArraySlice<Range<Int>>) -> [String] { ranges.map { ScalarText.string(s[$0]) } }
        if isSpeechVerb(s[first]) {
            return speakerPhrase(strings(words.dropFirst()))
        }
        if words.count > 2, isBare(s[first], VerbKey.according, "according"), isBare(s[words[1]], VerbKey.to, "to") {
            return speakerPhrase(strings(words.dropFirst(2)))
        }
        // `X said` with a short subject.
        guard let verb = words.prefix(14).firstIndex(where: { isSpeechVerb(s[$0]) }), verb > 0 else {
            return nil
        }
        return subject(strings(words[..<verb]))
    }

    private static let speechVerbKeys = PackedKeySet(speechVerbs.map(VerbKey.key))

    /// True when the word's `bare` form is a speech verb, read from the scalars where the word is ASCII.
    private static func isSpeechVerb(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let key = VerbKey.bare(word) else { return isListed(ScalarText.string(word), in: Lists.speechVerbs) }
        return key != 0 && speechVerbKeys.contains(key)
    }

    /// True when the word's `bare` form is `text`, whose packed key is `key`.
    private static func isBare(_ word: ArraySlice<Unicode.Scalar>, _ key: UInt64, _ text: String) -> Bool {
        guard let packed = VerbKey.bare(word) else { return bare(ScalarText.string(word)) == text }
        return packed == key
    }

    /// The word lists asked about every word of an attribution, by packed key where the word allows.
    private enum Lists {
        static let speechVerbs = WordList(QuoteFinder.speechVerbs)
        static let speakerStops = WordList(QuoteFinder.speakerStops)
        static let auxiliaries = WordList(QuoteFinder.auxiliaries)
        static let passiveMarkers = WordList(QuoteFinder.passiveMarkers)
    }

    /// True when the word's `bare` form is in the list.
    private static func isListed(_ word: String, in list: WordList) -> Bool {
        let key = bare(word)
        return list.contains(key, packed: VerbKey.packed(key))
    }

    /// A subject before its verb: `Lavrov`, `the minister`, `Ned Price, a spokesman,`; nil for `were told`.
    private static func subject(_ words: [String]) -> SpeakerPhrase.Reading? {
        var words = words
        let auxiliaryList = Lists.auxiliaries
        while let last = words.last, isListed(last, in: auxiliaryList) { words.removeLast() }
        if let last = words.last, isListed(last, in: Lists.passiveMarkers) { return nil }
        if let last = words.last, last.utf8.last == UInt8(ascii: ",") { words[words.count - 1] = String(last.dropLast()) }
        return SpeakerPhrase.read(words)
    }

    /// The words after `said`: up to the first adverbial (`on Tuesday`) or the second comma.
    private static func speakerPhrase(_ words: [String]) -> SpeakerPhrase.Reading? {
        var gathered: [String] = []
        var commas = 0
        for word in words {
            if !gathered.isEmpty, isListed(word, in: Lists.speakerStops) { break }
            gathered.append(word)
            if word.utf8.last == UInt8(ascii: ",") { commas += 1 }
            if commas == 2 || gathered.count >= 14 { break }
        }
        if let last = gathered.last, last.utf8.last == UInt8(ascii: ",") { gathered[gathered.count - 1] = String(last.dropLast()) }
        return SpeakerPhrase.read(gathered)
    }

    /// Rule 2: `X said:` / `X told reporters,` / `X said` right before the opening mark.
    private static func attributionBefore(_ s: [Unicode.Scalar], upTo start: Int) -> SpeakerPhrase.Reading? {
        var end = start
        while end > 0, s[end - 1] == " " { end -= 1 }
        guard end > 0 else { return nil }
        if s[end - 1] == ":" || s[end - 1] == "," {
            end -= 1
        } else {
            // Without a colon or comma, only `X said “…”` qualifies: check the last word before any real work.
            var k = end
            while k > 0, end - k < 16, s[k - 1] != " " { k -= 1 }
            guard isListed(ScalarText.string(s[k..<end]), in: Lists.speechVerbs) else { return nil }
        }
        // Back to the start of the sentence (bounded so long paragraphs stay linear).
        var begin = end
        while begin > 0, end - begin < 240 {
            let c = s[begin - 1]
            if c == QuoteMark.closeDouble || c == QuoteMark.straight || c == QuoteMark.closeGuillemet { break }
            if (c == "." || c == "?" || c == "!"), begin < s.count, s[begin] == " ",
               !isAbbreviation(s, periodAt: begin - 1) { break }
            begin -= 1
        }
        let words = ScalarText.string(s[begin..<end]).split(separator: " ").map(String.init)
        guard let verb = words.lastIndex(where: { isListed($0, in: Lists.speechVerbs) }),
              words.count - verb - 1 <= 4 else { return nil }
        // `told the council, …` is fine, but a clause after the verb means the quote is not its object.
        if words[(verb + 1)...].contains(where: { $0.utf8.last == UInt8(ascii: ",") }) { return nil }
        return subject(Array(words[..<verb]))
    }


    /// True when the text between two quotes is only a short attribution sentence (`, Dalsky said.`).
    private static func isAttributionGap(_ s: [Unicode.Scalar], from start: Int, to end: Int) -> Bool {
        guard end > start, end - start <= 200 else { return false }
        let gap = ParagraphText.collapse(ScalarText.string(s[start..<end]))
        return gap.hasSuffix(".") && ParagraphText.wordCount(gap) <= 20
    }


    /// A byte scan for `"`, “ (E2 80 9C), ‘ (E2 80 98) and « (C2 AB), so most paragraphs skip the scalar work.
    static func mayContainQuote(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(mayContainQuote) ?? mayContainQuote(Array(text.utf8))
    }

    private static func mayContainQuote<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in bytes {
            if byte == 0x22 { return true }
            if beforePrevious == 0xE2, previous == 0x80, byte == 0x9C || byte == 0x98 { return true }
            if previous == 0xC2, byte == 0xAB { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }


    private struct Span {
        var start: Int      // opening mark
        var textStart: Int
        var textEnd: Int
        var end: Int        // index after the closing mark
        var open = false    // no closing mark: ran to the end of the paragraph
    }

    private static func spans(_ s: [Unicode.Scalar]) -> [Span] {
        var spans: [Span] = []
        let n = s.count
        var i = 0
        while i < n {
            // Only `"`, “, « and ‘ open a quote: every other scalar is passed over at once.
            let v = s[i].value
            if v != 0x22, v != 0x201C, v != 0xAB, v != 0x2018 {
                i += 1
                continue
            }
            let c = s[i]
            var close: Unicode.Scalar?
            if c == QuoteMark.openDouble { close = QuoteMark.closeDouble }
            else if c == QuoteMark.straight { close = QuoteMark.straight }
            else if c == QuoteMark.openGuillemet { close = QuoteMark.closeGuillemet }
            if let close {
                var j = i + 1
                // Stopping at the next opener of the same kind keeps unmatched marks from rescanning.
                while j < n, s[j] != close, !(c != QuoteMark.straight && s[j] == c) { j += 1 }
                if j < n, s[j] == close {
                    spans.append(Span(start: i, textStart: i + 1, textEnd: j, end: j + 1))
                    i = j + 1
                } else if c == QuoteMark.openDouble {
                    // Left open: runs to the end of the paragraph, or to the next “.
                    spans.append(Span(start: i, textStart: i + 1, textEnd: j, end: j, open: j == n))
                    i = j
                } else {
                    i += 1 // a lone straight quote or « is not a quote
                }
                continue
            }
            if c == QuoteMark.openSingle, let end = singleQuoteEnd(s, open: i) {
                spans.append(Span(start: i, textStart: i + 1, textEnd: end, end: end + 1))
                i = end + 1
                continue
            }
            i += 1
        }
        return spans
    }

    /// ‘…’ counts when ‘ follows a space, bracket or dash and is followed by a letter, and a ’ within 400
    /// characters follows a non-space and precedes a non-letter.
    private static func singleQuoteEnd(_ s: [Unicode.Scalar], open i: Int) -> Int? {
        let n = s.count
        if i > 0 {
            let p = s[i - 1]
            guard ScalarText.isSpace(p) || "([{\u{2014}\u{2013}-\u{201C}".unicodeScalars.contains(p) else { return nil }
        }
        guard i + 1 < n, ScalarText.isLetter(s[i + 1]) else { return nil }
        var j = i + 2
        while j < n, j - i <= 400 {
            if s[j] == QuoteMark.closeSingle, !ScalarText.isSpace(s[j - 1]) {
                if j + 1 >= n || !ScalarText.isWordScalar(s[j + 1]) {
                    return j
                }
            }
            if s[j] == QuoteMark.openSingle || s[j] == QuoteMark.openDouble { return nil }
            j += 1
        }
        return nil
    }


    /// Words of the clause starting at `i`: up to a sentence end, semicolon, colon or another quote.
    private static func clauseWords(_ s: [Unicode.Scalar], from start: Int) -> [String] {
        clauseRanges(s, from: start).map { ScalarText.string(s[$0]) }
    }

    /// `clauseWords` as ranges of `s`.
    private static func clauseRanges(_ s: [Unicode.Scalar], from start: Int) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var wordStart = start
        var i = start
        while i < s.count, i - start < 100 {
            let c = s[i]
            if c == ";" || c == ":" || c == "?" || c == "!" || c == QuoteMark.openDouble || c == QuoteMark.straight
                || c == "(" || c == QuoteMark.openGuillemet { break }
            if c == ".", !isAbbreviation(s, periodAt: i) { break }
            if c == " " {
                if i > wordStart { words.append(wordStart..<i) }
                wordStart = i + 1
            }
            i += 1
        }
        if i > wordStart { words.append(wordStart..<i) }
        return words
    }

    /// True for the period of `Mr.`, `U.S.` or an initial, which does not end a sentence.
    private static func isAbbreviation(_ s: [Unicode.Scalar], periodAt i: Int) -> Bool {
        var k = i
        while k > 0, i - k < 12, s[k - 1] != " " { k -= 1 }
        // Every listed abbreviation is at most four characters: longer words end sentences.
        guard i - k <= 4 else { return false }
        let word = bare(ScalarText.string(s[k..<i]))
        if word.count == 1, word.first?.isLetter == true { return true }
        if abbreviations.contains(word) { return true }
        // `U.S.` followed by a lower-case word is mid-sentence.
        if s[k..<i].contains("."), i + 2 < s.count, s[i + 1] == " ", ScalarText.isLowercase(s[i + 2]) { return true }
        return false
    }

    private static func endsWithAbbreviation(_ text: String) -> Bool {
        let last = text.split(separator: " ").last.map { $0.dropLast().lowercased() } ?? ""
        return abbreviations.contains(last) || (last.count == 1)
    }


    /// Trailing `,` of `“…,” he said` belongs to the attribution, not the quote.
    private static func cleanQuoteText(_ text: String) -> String {
        var t = ParagraphText.collapse(text)
        // Collapsing collapsed text gives it back: again only when commas came off.
        guard t.utf8.last == UInt8(ascii: ",") else { return t }
        while t.utf8.last == UInt8(ascii: ",") { t.removeLast() }
        return ParagraphText.collapse(t)
    }

    /// `ParagraphText.wordCount(text) <= 2`, stopping at the third word (counted on the bytes: space and tab are
    /// single bytes no other character contains).
    private static func hasAtMostTwoWords(_ text: String) -> Bool {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
                if count > 2 { return false }
            }
        }
        return true
    }


    /// The word lower-cased without surrounding punctuation, for lookups in the word lists (all short:
    /// longer words are returned empty without further work). ASCII words are read from their bytes.
    static func bare(_ word: String) -> String {
        var word = word
        // Most words of the lists' kind are already bare (`said`, `the`): given back without a new string.
        let isBare = word.withUTF8 { bytes in
            bytes.count <= 16 && !bytes.contains { !(($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39)) }
        }
        if isBare { return word }
        let ascii: String? = word.withUTF8 { bytes in
            for byte in bytes where byte >= 0x80 { return nil }
            guard bytes.count <= 16 else { return "" }
            var start = 0
            var end = bytes.count
            while start < end, !isWordByte(bytes[start]) { start += 1 }
            while end > start, !isWordByte(bytes[end - 1]) { end -= 1 }
            return String(unsafeUninitializedCapacity: end - start) { out in
                for k in start..<end {
                    let v = bytes[k]
                    out[k - start] = v >= 0x41 && v <= 0x5A ? v + 0x20 : v
                }
                return end - start
            }
        }
        if let ascii { return ascii }
        return bareScalars(word)
    }

    /// The packed key of the word's `bare` form (`VerbKey.packed`) when the word is ASCII and that form is 1 to 12
    /// letters; 0 otherwise (ask `bareKey`). No string is made.
    static func packedBare(_ word: String) -> UInt64 {
        var word = word
        return word.withUTF8 { bytes in
            guard bytes.count <= 16 else { return 0 }
            var start = 0
            var end = bytes.count
            while start < end, !isWordByte(bytes[start]) {
                if bytes[start] >= 0x80 { return 0 }
                start += 1
            }
            while end > start, !isWordByte(bytes[end - 1]) {
                if bytes[end - 1] >= 0x80 { return 0 }
                end -= 1
            }
            guard end - start >= 1, end - start <= 12 else { return 0 }
            var key: UInt64 = 0
            for k in start..<end {
                let folded = bytes[k] | 0x20
                guard folded >= 0x61, folded <= 0x7A else { return 0 }
                key = key << 5 | UInt64(folded - 0x60)
            }
            return key
        }
    }

    /// `bare` and the packed key of the bare form (`VerbKey.packed`, 0 for none): for the words `packedBare` gives
    /// no key (non-ASCII ends, digits, inner punctuation, long words), which are few.
    static func bareKey(_ word: String) -> (bare: String, packed: UInt64) {
        let bare = bare(word)
        return (bare, VerbKey.packed(bare))
    }

    private static func isWordByte(_ v: UInt8) -> Bool {
        (v >= 0x30 && v <= 0x39) || ((v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A)
    }

    /// `bare` for words with non-ASCII characters.
    private static func bareScalars(_ word: String) -> String {
        let scalars = word.unicodeScalars
        guard scalars.count <= 16 else { return "" }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, !isWordScalar(scalars[start]) { start = scalars.index(after: start) }
        while end > start, !isWordScalar(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(Substring(scalars[start..<end])).lowercased()
    }

    /// Letters and digits: what `bare` keeps at the ends of a word.
    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool { ScalarText.isWordScalar(s) }
}
