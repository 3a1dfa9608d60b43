import Foundation

/// Collects direct quotes from paragraphs and names their speakers where the text does.
///
/// Quotes: “…” and straight "…" pairs, «…», and ‘…’ only when it opens after a space or bracket and closes
/// before a non-letter (so apostrophes in `don’t` are never quotes). Single quotes inside double quotes are
/// part of the outer quote. A “ left open runs to the end of its paragraph (the wire convention for quotes that
/// go on into the next paragraph).
///
/// Speakers, in order of preference:
/// 1. after the quote: `“…,” said X` / `“…,” X said` / `“…,” X told reporters` / `“…,” according to X`;
/// 2. before it: `X said: “…”`, `X told reporters: “…”`, `X said, “…”`;
/// 3. `he said` / `she said` takes the speaker last named in this paragraph, else the subject of a speech verb in
///    this paragraph's first sentence (`Reza Mohammadi-Far, said …`), else one named in the previous paragraph;
/// 4. in a transcript turn, the turn's speaker.
/// Leading articles are dropped (`a senior State Department official` → `senior State Department official`),
/// appositives and time phrases cut (`Ned Price, a State Department spokesman` → `Ned Price`).
/// Scare quotes (one or two words with no closing punctuation, `“killer”`) get a speaker only from rule 1.
struct QuoteFinder {
    static let speechVerbs: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "stated", "states", "wrote",
        "writes", "declared", "announced", "explained", "replied", "noted", "notes", "insisted", "warned",
        "continued", "argued", "acknowledged", "stressed", "recalled", "responded", "complained", "urged",
        "cautioned", "remarked", "posted", "tweeted", "quipped", "conceded", "countered",
    ]
    static let pronouns: Set<String> = ["he", "she", "they", "it", "we", "i", "you"]
    static let articles: Set<String> = ["a", "an", "the"]
    /// Words that end a speaker phrase: time and place adverbials (`said Lavrov on Tuesday`).
    static let speakerStops: Set<String> = [
        "on", "in", "at", "during", "after", "before", "earlier", "later", "yesterday", "today", "tonight",
        "last", "this", "when", "while", "as", "adding", "according", "who", "which", "and", "but", "to",
        "told", "said", "says", "from", "via", "by", "late", "early",
    ]
    /// Words between a subject and its verb that are not part of the name (`Lavrov also said`).
    static let auxiliaries: Set<String> = [
        "has", "had", "have", "also", "later", "then", "again", "once", "previously", "earlier", "would", "will",
        "further", "separately", "simply", "just", "repeatedly", "often", "reportedly",
    ]
    /// `were told`, `was asked`: the subject is the listener, not the speaker.
    static let passiveMarkers: Set<String> = ["was", "were", "is", "are", "been", "being", "be", "get", "got", "gets"]
    /// Abbreviations whose period does not end a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sen", "rep", "gov", "prof", "sgt", "capt", "maj",
        "adm", "jr", "sr", "amb", "pres", "sec", "no", "u.s", "u.n", "u.k", "e.u",
    ]

    private var lastNamed: (speaker: String, paragraph: Int)?
    private var paragraphIndex = -1

    /// Quotes in one paragraph, in order. Call once per paragraph in reading order.
    mutating func quotes(in paragraph: String, turnSpeaker: String?) -> [Quote] {
        paragraphIndex += 1
        guard Self.mayContainQuote(paragraph) else { return [] }
        let s = Array(paragraph.unicodeScalars)
        var result: [Quote] = []
        // The last quote attributed after its closing mark, for `“A,” X said. “B.”` where B is X's too.
        var previousAttributed: (speaker: String, end: Int)?
        var opening: Attribution??  // the paragraph's opening subject, found once when first needed
        for span in Self.spans(s) {
            let inner = Self.cleanQuoteText(ScalarText.string(s[span.textStart..<span.textEnd]))
            guard !inner.isEmpty else { continue }
            let scare = ParagraphText.wordCount(inner) <= 2 && !(inner.last.map { ".,?!…;".contains($0) } ?? false)
            // `“… rulebook.” Beijing’s spokesman said …` starts a new sentence: the words after are not its attribution.
            let closesSentence = inner.hasSuffix(".")
            var attribution = closesSentence ? nil : Self.attributionAfter(s, from: span.end)
            let after = attribution != nil
            if attribution == nil, !scare { attribution = Self.attributionBefore(s, upTo: span.start) }
            var speaker: String?
            switch attribution {
            case .named(let name)?:
                speaker = name
                lastNamed = (name, paragraphIndex)
            case .pronoun?:
                // Nearest first: a speaker named in this paragraph, then the subject of its first sentence,
                // then a speaker named in the previous paragraph.
                if scare { break }
                if let last = lastNamed, last.paragraph == paragraphIndex {
                    speaker = last.speaker
                    break
                }
                if opening == nil { opening = .some(Self.openingSubject(s, before: span.start)) }
                if case .named(let name)?? = opening {
                    speaker = name
                } else if let last = lastNamed, last.paragraph == paragraphIndex - 1 {
                    speaker = last.speaker
                }
            case nil:
                if !scare, let previous = previousAttributed, Self.isAttributionGap(s, from: previous.end, to: span.start) {
                    speaker = previous.speaker
                }
            }
            if speaker == nil, !scare, attribution == nil { speaker = turnSpeaker }
            previousAttributed = after ? speaker.map { ($0, span.end) } : nil
            result.append(Quote(text: inner, speaker: speaker))
        }
        return result
    }

    /// The subject of a speech verb in the paragraph's first sentence (`Rachel Kimura Alvarez said …`), for
    /// a later `she said` in the same paragraph.
    private static func openingSubject(_ s: [Unicode.Scalar], before end: Int) -> Attribution? {
        let words = ScalarText.string(s[0..<min(end, 300)]).split(separator: " ").prefix(25).map(String.init)
        for (index, word) in words.enumerated() {
            if speechVerbs.contains(bare(word)) {
                return index > 0 ? subject(Array(words[..<index])) : nil
            }
            if let last = word.last, ".?!".contains(last), word.count > 4 { return nil } // the first sentence ended
            if let first = word.unicodeScalars.first, first == QuoteMark.openDouble || first == QuoteMark.straight {
                return nil
            }
        }
        return nil
    }

    /// True when the text between two quotes is only a short attribution sentence (`, Dalsky said.`).
    private static func isAttributionGap(_ s: [Unicode.Scalar], from start: Int, to end: Int) -> Bool {
        guard end > start, end - start <= 200 else { return false }
        let gap = ParagraphText.collapse(ScalarText.string(s[start..<end]))
        return gap.hasSuffix(".") && ParagraphText.wordCount(gap) <= 20
    }

    /// A byte scan for `"`, “ (E2 80 9C), ‘ (E2 80 98) and « (C2 AB), so most paragraphs skip the scalar work.
    private static func mayContainQuote(_ text: String) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x22 { return true }
            if beforePrevious == 0xE2, previous == 0x80, byte == 0x9C || byte == 0x98 { return true }
            if previous == 0xC2, byte == 0xAB { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    private enum Attribution {
        case named(String)
        case pronoun
    }

    private struct Span {
        var start: Int      // opening mark
        var textStart: Int
        var textEnd: Int
        var end: Int        // index after the closing mark
    }

    private static func spans(_ s: [Unicode.Scalar]) -> [Span] {
        var spans: [Span] = []
        let n = s.count
        var i = 0
        while i < n {
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
                    spans.append(Span(start: i, textStart: i + 1, textEnd: j, end: j))
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

    /// Rule 1: the words after the closing mark, up to the end of the clause.
    private static func attributionAfter(_ s: [Unicode.Scalar], from end: Int) -> Attribution? {
        var i = end
        while i < s.count, s[i] == " " || s[i] == "," { i += 1 }
        let words = clauseWords(s, from: i)
        guard let first = words.first else { return nil }
        let firstKey = bare(first)
        if speechVerbs.contains(firstKey) {
            return speakerPhrase(Array(words.dropFirst()))
        }
        if firstKey == "according", words.count > 2, bare(words[1]) == "to" {
            return speakerPhrase(Array(words.dropFirst(2)))
        }
        // `X said` with a short subject.
        guard let verb = words.prefix(14).firstIndex(where: { speechVerbs.contains(bare($0)) }), verb > 0 else {
            return nil
        }
        return subject(Array(words[..<verb]))
    }

    /// Rule 2: `X said:` / `X told reporters,` / `X said` right before the opening mark.
    private static func attributionBefore(_ s: [Unicode.Scalar], upTo start: Int) -> Attribution? {
        var end = start
        while end > 0, s[end - 1] == " " { end -= 1 }
        guard end > 0 else { return nil }
        if s[end - 1] == ":" || s[end - 1] == "," {
            end -= 1
        } else {
            // Without a colon or comma, only `X said “…”` qualifies: check the last word before any real work.
            var k = end
            while k > 0, end - k < 16, s[k - 1] != " " { k -= 1 }
            guard speechVerbs.contains(bare(ScalarText.string(s[k..<end]))) else { return nil }
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
        guard let verb = words.lastIndex(where: { speechVerbs.contains(bare($0)) }),
              words.count - verb - 1 <= 4 else { return nil }
        // `told the council, …` is fine, but a clause after the verb means the quote is not its object.
        if words[(verb + 1)...].contains(where: { $0.hasSuffix(",") }) { return nil }
        var subjectWords = Array(words[..<verb])
        // `minister, Irena Dalsky, told`: the comma closing the appositive is not the one to cut at.
        if let last = subjectWords.last, last.hasSuffix(",") { subjectWords[subjectWords.count - 1] = String(last.dropLast()) }
        if let comma = subjectWords.lastIndex(where: { $0.hasSuffix(",") }) {
            subjectWords = Array(subjectWords[(comma + 1)...])
        }
        return subject(subjectWords)
    }

    /// A subject before its verb: `Lavrov`, `the minister`, `Ned Price, a spokesman,` (appositive cut).
    private static func subject(_ words: [String]) -> Attribution? {
        if let last = words.last, passiveMarkers.contains(bare(last)) { return nil }
        var words = chooseSegment(words)
        while let last = words.last, auxiliaries.contains(bare(last)) { words.removeLast() }
        guard !words.isEmpty, words.count <= 8 else { return nil }
        if words.count == 1, pronouns.contains(bare(words[0])) { return .pronoun }
        let firstKey = bare(words[0])
        if articles.contains(firstKey) {
            words.removeFirst()
            guard !words.isEmpty else { return nil }
        } else {
            guard let initial = words[0].first, initial.isUppercase else { return nil }
        }
        return name(words)
    }

    /// The words after `said`: up to the first comma, clause end or adverbial (`on Tuesday`).
    private static func speakerPhrase(_ words: [String]) -> Attribution? {
        var gathered: [String] = []
        var commas = 0
        for word in words {
            if !gathered.isEmpty, speakerStops.contains(bare(word)) { break }
            gathered.append(word)
            if word.hasSuffix(",") { commas += 1 }
            if commas == 2 || gathered.count >= 14 { break }
        }
        var taken = chooseSegment(gathered)
        guard let first = taken.first else { return nil }
        if taken.count == 1, pronouns.contains(bare(first)) { return .pronoun }
        if articles.contains(bare(first)) { taken.removeFirst() }
        return name(taken)
    }

    /// Particles that may be lower case inside a name (`Salim bin Nasser`).
    static let nameParticles: Set<String> = ["bin", "bint", "ibn", "al", "el", "de", "da", "di", "du", "van", "von",
                                             "der", "la", "le", "y"]

    /// Of the comma-separated parts of a phrase (`Kenya’s special envoy, Samuel Otieno Kariuki,`), the first
    /// that reads as a name (every word capitalised), else the first part (`Ned Price, a spokesman` → `Ned Price`).
    private static func chooseSegment(_ words: [String]) -> [String] {
        var segments: [[String]] = [[]]
        for word in words {
            if word.hasSuffix(",") {
                segments[segments.count - 1].append(String(word.dropLast()))
                segments.append([])
            } else {
                segments[segments.count - 1].append(word)
            }
        }
        segments = segments.filter { !$0.isEmpty }
        guard segments.count > 1 else { return segments.first ?? [] }
        let nameLike = segments.first { segment in
            segment.allSatisfy { word in
                guard let first = word.first else { return false }
                return first.isUppercase || nameParticles.contains(word.lowercased())
            }
        }
        return nameLike ?? segments[0]
    }

    private static func name(_ words: [String]) -> Attribution? {
        var text = words.joined(separator: " ")
        while let last = text.last, ",;:.".contains(last), !text.hasSuffix(".") || !endsWithAbbreviation(text) {
            text.removeLast()
        }
        text = ParagraphText.collapse(text)
        guard !text.isEmpty, text.contains(where: \.isLetter) else { return nil }
        return .named(text)
    }

    /// Words of the clause starting at `i`: up to a sentence end, semicolon, colon or another quote.
    private static func clauseWords(_ s: [Unicode.Scalar], from start: Int) -> [String] {
        var words: [String] = []
        var wordStart = start
        var i = start
        while i < s.count, i - start < 100 {
            let c = s[i]
            if c == ";" || c == ":" || c == "?" || c == "!" || c == QuoteMark.openDouble || c == QuoteMark.straight
                || c == "(" || c == QuoteMark.openGuillemet { break }
            if c == ".", !isAbbreviation(s, periodAt: i) { break }
            if c == " " {
                if i > wordStart { words.append(ScalarText.string(s[wordStart..<i])) }
                wordStart = i + 1
            }
            i += 1
        }
        if i > wordStart { words.append(ScalarText.string(s[wordStart..<i])) }
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
        while t.hasSuffix(",") { t.removeLast() }
        return ParagraphText.collapse(t)
    }

    /// The word lower-cased without surrounding punctuation, for lookups in the word lists (all short:
    /// longer words are returned empty without further work).
    private static func bare(_ word: String) -> String {
        let scalars = word.unicodeScalars
        guard scalars.count <= 16 else { return "" }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, !isWordScalar(scalars[start]) { start = scalars.index(after: start) }
        while end > start, !isWordScalar(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        var bytes = [UInt8]()
        for scalar in scalars[start..<end] {
            guard scalar.isASCII else { return String(Substring(scalars[start..<end])).lowercased() }
            let v = UInt8(scalar.value)
            bytes.append(v >= 0x41 && v <= 0x5A ? v + 0x20 : v)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Letters and digits: what `bare` keeps at the ends of a word.
    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool { ScalarText.isWordScalar(s) }
}
