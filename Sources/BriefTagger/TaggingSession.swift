/// The mutable working state of tagging with one model: the words seen so far and their summed weight
/// vectors. Make one per batch of work (a story, a file) and reuse it across its documents; it is not
/// shared between threads.
public struct TaggingSession {
    private var words: WordTable
    private var first: PassScorer
    private var second: PassScorer?
    /// Whether names are carried to their untagged repetitions (`MentionPropagation`).
    public var propagates = true
    /// Whether knowledge-base names replace the tagger's cuts of them (`KnowledgeSpans`).
    public var knowledgeSpans = true

    init(lexicon: Lexicon, templates: FeatureTemplates, first: WeightTable, second: WeightTable?) {
        words = WordTable(lexicon: lexicon)
        self.first = PassScorer(weights: first, templates: templates)
        self.second = second.map { PassScorer(weights: $0, templates: templates) }
    }

    /// How many distinct word forms this session has cached (the sentence boundary included).
    public var wordCount: Int { words.count }

    /// Forgets the cached work of every word but the `count` most used, so that a long-lived session stays bounded
    /// while the words that recur (function words, the names in the news) stay cached. Labels do not change: a word's
    /// cached work depends on the word alone.
    public mutating func keepMostUsed(_ count: Int) {
        let before = words.count
        let kept = words.keepMostUsed(count)
        guard kept.count < before else { return }
        first.keep(kept)
        second?.keep(kept)
    }

    /// BIO label indices for every token of `text`, treating each range of sentence indices in
    /// `documents` as one document (sentences outside every range are tagged as one document each).
    public mutating func labels(for text: TokenizedText, documents: [Range<Int>]) -> [Int] {
        let allIds = words.ids(for: text)
        // Each pass sums the new words' own features once; after that only their `ContextWord`s are read.
        first.extendCache(from: words)
        if var scorer = second {
            // Taken out while it works, so that its cache is not copied on write.
            second = nil
            scorer.extendCache(from: words)
            second = scorer
        }
        words.forgetNewInfos()
        var keys: [UInt64] = [], capitalised: [Bool] = []
        let knowledgeSpans = knowledgeSpans && words.lexicon.hasPhrases
        if knowledgeSpans {
            let infos = words.words
            keys = allIds.map { infos[Int($0)].lexiconKey }
            capitalised = allIds.map {
                let c = infos[Int($0)].letterCase
                return c == .capitalised || c == .allCaps || c == .mixed
            }
        }
        var labels = [Int](repeating: 0, count: text.tokens.count)
        var covered = [Bool](repeating: false, count: text.sentences.count)
        var groups = documents.filter { $0.lowerBound >= 0 && $0.upperBound <= text.sentences.count }
        for g in groups { for s in g { covered[s] = true } }
        for s in covered.indices where !covered[s] { groups.append(s..<(s + 1)) }
        for group in groups where !group.isEmpty {
            let sentences = Array(text.sentences[group])
            guard let lo = sentences.first?.lowerBound, let hi = sentences.last?.upperBound, lo < hi else { continue }
            let ids = Array(allIds[lo..<hi])
            let local = sentences.map { ($0.lowerBound - lo)..<($0.upperBound - lo) }
            let (docLabels, lookups) = labelDocument(ids: ids, sentences: local)
            for k in 0..<docLabels.count { labels[lo + k] = docLabels[k] }
            if knowledgeSpans {
                KnowledgeSpans.apply(keys: keys, capitalised: capitalised, sentences: text.sentences[group],
                                     labels: &labels, lexicon: words.lexicon, lookups: lookups, lookupsStart: lo)
            }
            TitleTrimming.trim(text: text, sentences: text.sentences[group], labels: &labels, lexicon: words.lexicon)
            PossessiveSplitting.split(text: text, sentences: text.sentences[group], labels: &labels, lexicon: words.lexicon)
            LowercaseTailTrimming.trim(text: text, sentences: text.sentences[group], labels: &labels)
            PlaceListSplitting.split(text: text, sentences: text.sentences[group], labels: &labels)
            UnitNumberJoining.join(text: text, sentences: text.sentences[group], labels: &labels)
            EventNames.mark(text: text, sentences: text.sentences[group], labels: &labels)
            ElectionNames.mark(text: text, sentences: text.sentences[group], labels: &labels)
            QuotedTitles.mark(text: text, sentences: text.sentences[group], labels: &labels)
            if propagates {
                MentionPropagation.propagate(text: text, sentences: text.sentences[group], labels: &labels,
                                             lexicon: words.lexicon)
            }
        }
        return labels
    }

    /// The document's labels, and the phrase look-ups its analysis made.
    private mutating func labelDocument(ids: [Int32], sentences: [Range<Int>]) -> ([Int], PhraseLookups) {
        let infos = words.words
        let contexts = DocumentAnalysis.contexts(wordIds: ids, sentences: sentences, words: infos, lexicon: words.lexicon,
                                                 aggregate: first.templates.options.contextAggregation)
        var hashes = PassScorer.ContextHashes(wordIds: ids, sentences: sentences, words: infos, contexts: contexts,
                                              templates: first.templates)
        let e1 = first.emissions(wordIds: ids, sentences: sentences, words: infos, contexts: contexts,
                                 contextHashes: &hashes, evidence: nil)
        let labels1 = first.decode(emissions: e1, sentences: sentences, count: ids.count)
        guard var second else { return (labels1, contexts.phrases) }
        // Take the scorer out while it works, so its cache is not copied on write.
        self.second = nil
        let evidence = DocumentAnalysis.evidence(wordIds: ids, sentences: sentences, words: infos, labels: labels1)
        let e2 = second.emissions(wordIds: ids, sentences: sentences, words: infos, contexts: contexts,
                                  contextHashes: &hashes, evidence: evidence)
        let labels2 = second.decode(emissions: e2, sentences: sentences, count: ids.count)
        self.second = second
        return (labels2, contexts.phrases)
    }
}
