/// Document-level facts the features read: how each sentence is set, how each word is spelled elsewhere
/// in the document, and (for the second pass) how the first pass tagged the same words elsewhere.
public enum DocumentAnalysis {
    /// The sentence context of every token of one document.
    public static func contexts(wordIds: [Int32], sentences: [Range<Int>], words: [ContextWord],
                                lexicon: Lexicon? = nil, aggregate: Bool = false) -> DocumentContexts {
        var contexts = [SentenceContext](repeating: SentenceContext(position: 0, allCaps: false), count: wordIds.count)
        var lowercase = HashedCounts(capacity: wordIds.count / 2)
        var capitalisedInside = HashedCounts(capacity: wordIds.count / 8)
        var sentenceCaps = [Bool](repeating: false, count: sentences.count)
        for (s, sentence) in sentences.enumerated() {
            var caps = 0, other = 0
            for i in sentence {
                switch words[Int(wordIds[i])].letterCase {
                case .allCaps: caps += 1
                case .lower, .capitalised, .mixed: other += 1
                case .noLetters: break
                }
            }
            sentenceCaps[s] = caps > other
        }
        for (s, sentence) in sentences.enumerated() {
            for i in sentence {
                let w = words[Int(wordIds[i])]
                contexts[i].position = i - sentence.lowerBound
                contexts[i].allCaps = sentenceCaps[s]
                if w.letterCase == .lower {
                    lowercase.update(w.lower, initial: 1) { _ in }
                } else if w.letterCase != .noLetters, i > sentence.lowerBound, !sentenceCaps[s] {
                    capitalisedInside.update(w.lower, initial: 0) { $0 += 1 }
                }
            }
        }
        var phrases = PhraseLookups(count: 0)
        if let lexicon, lexicon.hasPhrases {
            phrases = PhraseLookups(count: wordIds.count)
            markPhrases(wordIds: wordIds, sentences: sentences, words: words, lexicon: lexicon, contexts: &contexts,
                        lookups: &phrases)
        }
        for (s, sentence) in sentences.enumerated() {
            for i in sentence {
                let w = words[Int(wordIds[i])]
                guard w.letterCase != .lower, w.letterCase != .noLetters else { continue }
                contexts[i].seenLowercase = lowercase[w.lower] != nil
                let inside = Int(capitalisedInside[w.lower] ?? 0)
                let selfCounts = i > sentence.lowerBound && !sentenceCaps[s]
                contexts[i].seenCapitalisedInside = inside > (selfCounts ? 1 : 0)
            }
        }
        var aggregates: [UInt64] = []
        if aggregate {
            aggregateNeighbours(wordIds: wordIds, sentences: sentences, words: words, contexts: &contexts,
                                into: &aggregates)
        }
        return DocumentContexts(contexts: contexts, aggregates: aggregates, phrases: phrases)
    }

    /// How many occurrences of a word lend their neighbours.
    static let aggregatedOccurrences = 4

    /// Gathers, for each capitalised word, the lower-cased neighbours of its first few occurrences in the
    /// document (a word seen as `President X` once is a person elsewhere too).
    private static func aggregateNeighbours(wordIds: [Int32], sentences: [Range<Int>], words: [ContextWord],
                                            contexts: inout [SentenceContext], into aggregates: inout [UInt64]) {
        var groups = HashedCounts(capacity: wordIds.count / 4)
        var counts: [Int32] = []
        let slots = aggregatedOccurrences * 2
        for sentence in sentences {
            for i in sentence {
                let w = words[Int(wordIds[i])]
                guard w.letterCase == .capitalised || w.letterCase == .mixed || w.letterCase == .allCaps else { continue }
                let group: Int32
                if let g = groups[w.lower] {
                    group = g
                } else {
                    group = Int32(counts.count)
                    groups.update(w.lower, initial: group) { _ in }
                    counts.append(0)
                    aggregates.append(contentsOf: repeatElement(0, count: slots))
                }
                let n = Int(counts[Int(group)])
                if n < aggregatedOccurrences {
                    let base = Int(group) * slots + n * 2
                    aggregates[base] = i > sentence.lowerBound ? words[Int(wordIds[i - 1])].lower : words[0].lower
                    aggregates[base + 1] = i + 1 < sentence.upperBound ? words[Int(wordIds[i + 1])].lower : words[0].lower
                    counts[Int(group)] += 1
                }
                contexts[i].aggregateStart = group * Int32(slots)
            }
        }
        for i in contexts.indices where contexts[i].aggregateStart >= 0 {
            contexts[i].aggregateCount = counts[Int(contexts[i].aggregateStart) / slots] * 2
        }
    }

    /// Marks the longest gazetteer phrases starting at each capitalised token, left to right, keeping the look-ups
    /// in `lookups`.
    private static func markPhrases(wordIds: [Int32], sentences: [Range<Int>], words: [ContextWord], lexicon: Lexicon,
                                    contexts: inout [SentenceContext], lookups: inout PhraseLookups) {
        var keys: [UInt64] = []
        var found = [UInt64](repeating: Lexicon.noPhrase, count: Lexicon.maxPhraseWords + 1)
        for sentence in sentences {
            keys.removeAll(keepingCapacity: true)
            for i in sentence { keys.append(words[Int(wordIds[i])].lexiconKey) }
            var i = sentence.lowerBound
            while i < sentence.upperBound {
                let caseOf = words[Int(wordIds[i])].letterCase
                var matched = 0
                if caseOf == .capitalised || caseOf == .allCaps || caseOf == .mixed {
                    let local = i - sentence.lowerBound
                    var length = min(Lexicon.maxPhraseWords, sentence.upperBound - i)
                    if length >= 2 {
                        lexicon.phrasePrefixes(keys[local..<(local + length)], into: &found)
                        lookups.keep(i, n: length, found: found)
                    }
                    while length >= 2 {
                        if found[length] != Lexicon.noPhrase {
                            let flags = GazetteerFlags(rawValue: UInt32(truncatingIfNeeded: found[length]))
                            for k in 0..<length {
                                contexts[i + k].phrase = flags
                                contexts[i + k].phraseInside = k > 0
                            }
                            matched = length
                            break
                        }
                        length -= 1
                    }
                }
                i += max(matched, 1)
            }
        }
    }

    /// The first-pass evidence of every token of one document, from the first pass's labels.
    public static func evidence(wordIds: [Int32], sentences: [Range<Int>], words: [ContextWord],
                                labels: [Int]) -> [FirstPassEvidence] {
        // Per lower-cased word: capitalised occurrences, and how many the first pass put in each type.
        // Counts per type (0…3) and capitalised occurrences (4), as a value type: no allocation per word.
        var countsOf = HashedCounts(capacity: wordIds.count / 4)
        var typeCounts: [SIMD8<Int32>] = []
        var longer = HashedCounts(capacity: wordIds.count / 8)
        for sentence in sentences {
            for i in sentence {
                let w = words[Int(wordIds[i])]
                guard w.letterCase != .lower, w.letterCase != .noLetters else { continue }
                let t = BIOTagSet.typeIndex(of: labels[i])
                var slot: Int32 = 0
                countsOf.update(w.lower, initial: Int32(typeCounts.count)) { slot = $0 }
                if Int(slot) == typeCounts.count { typeCounts.append(SIMD8<Int32>()) }
                typeCounts[Int(slot)][4] += 1
                if t >= 0 { typeCounts[Int(slot)][t] += 1 }
            }
            for span in BIOTagSet.spans(labels[sentence]) where span.end - span.start >= 2 {
                for k in span.start..<span.end {
                    let w = words[Int(wordIds[sentence.lowerBound + k])]
                    if w.letterCase != .lower, w.letterCase != .noLetters, longer[w.lower] == nil {
                        longer.update(w.lower, initial: Int32(span.type)) { _ in }
                    }
                }
            }
        }
        var result = [FirstPassEvidence](repeating: FirstPassEvidence(
            label: 0, previousLabel: -1, nextLabel: -1, documentType: -1, documentShare: 0, longerEntityType: -1),
            count: wordIds.count)
        for sentence in sentences {
            for i in sentence {
                let w = words[Int(wordIds[i])]
                var documentType = -1, share = 0, longerType = -1
                if w.letterCase != .lower, w.letterCase != .noLetters, let slot = countsOf[w.lower] {
                    let counts = typeCounts[Int(slot)]
                    var best = -1, bestCount = 0
                    for t in 0..<4 where Int(counts[t]) > bestCount {
                        best = t
                        bestCount = Int(counts[t])
                    }
                    if best >= 0 {
                        documentType = best
                        share = (bestCount * 4) / max(Int(counts[4]), 1)
                    }
                    longerType = longer[w.lower].map { Int($0) } ?? -1
                }
                result[i] = (FirstPassEvidence(
                    label: labels[i],
                    previousLabel: i > sentence.lowerBound ? labels[i - 1] : -1,
                    nextLabel: i + 1 < sentence.upperBound ? labels[i + 1] : -1,
                    documentType: documentType, documentShare: share, longerEntityType: longerType))
            }
        }
        return result
    }
}
