/// A labelled CoNLL corpus prepared for training: word ids, document contexts and first-pass feature rows.
struct TrainingCorpus {
    let gold: [Int]
    let wordIds: [Int32]
    let words: [WordInfo]
    /// `words`' `ContextWord`s, by the same ids.
    let contextWords: [ContextWord]
    /// Sentences as global token ranges.
    let sentences: [Range<Int>]
    /// Documents as ranges of sentence indices.
    let documents: [Range<Int>]
    let base: FeatureMatrix

    init(corpus: CoNLLCorpus, lexicon: Lexicon, templates: FeatureTemplates, bits: Int) throws {
        gold = try corpus.goldLabels()
        var table = WordTable(lexicon: lexicon)
        wordIds = table.ids(for: corpus.text)
        words = table.infos
        contextWords = table.words
        sentences = corpus.text.sentences
        documents = corpus.documents
        var matrix = FeatureMatrix()
        matrix.rows.reserveCapacity(gold.count * 60)
        matrix.offsets.reserveCapacity(gold.count + 1)
        var scratch: [UInt64] = []
        scratch.reserveCapacity(96)
        let ids = wordIds, words = self.words, contextWords = self.contextWords
        for doc in Self.documentSlices(sentences: sentences, documents: documents) {
            let docIds = Array(wordIds[doc.tokens])
            let contexts = DocumentAnalysis.contexts(wordIds: docIds, sentences: doc.local, words: contextWords,
                                                     lexicon: lexicon, aggregate: templates.options.contextAggregation)
            contexts.aggregates.withUnsafeBufferPointer { aggregates in
                for local in doc.local {
                    let sentence = (local.lowerBound + doc.tokens.lowerBound)..<(local.upperBound + doc.tokens.lowerBound)
                    func word(_ j: Int) -> WordInfo { sentence.contains(j) ? words[Int(ids[j])] : words[0] }
                    for i in sentence {
                        scratch.removeAll(keepingCapacity: true)
                        for offset in -2...2 { templates.wordFeatures(word(i + offset), offset: offset, into: &scratch) }
                        func index(_ j: Int) -> Int { sentence.contains(j) ? Int(ids[j]) : 0 }
                        contextWords.withUnsafeBufferPointer { wb in
                            guard let base = wb.baseAddress else { return }
                            templates.contextFeatures(previous: base + index(i - 1), current: base + index(i),
                                                      next: base + index(i + 1),
                                                      context: contexts.contexts[i - doc.tokens.lowerBound],
                                                      into: &scratch)
                        }
                        templates.aggregateFeatures(contexts.contexts[i - doc.tokens.lowerBound],
                                                    aggregates: aggregates, into: &scratch)
                        matrix.appendToken(scratch, bits: bits)
                    }
                }
            }
        }
        guard matrix.offsets.count == gold.count + 1 else {
            throw TaggerError.badTrainingData("some tokens lie outside every document")
        }
        base = matrix
    }

    /// Second-pass evidence rows from first-pass labels of every token.
    func evidenceMatrix(labels: [Int], templates: FeatureTemplates, bits: Int) -> FeatureMatrix {
        var matrix = FeatureMatrix()
        var evidence = [FirstPassEvidence](repeating: FirstPassEvidence(
            label: 0, previousLabel: -1, nextLabel: -1, documentType: -1, documentShare: 0, longerEntityType: -1),
            count: gold.count)
        for doc in Self.documentSlices(sentences: sentences, documents: documents) {
            let local = DocumentAnalysis.evidence(wordIds: Array(wordIds[doc.tokens]), sentences: doc.local,
                                                  words: contextWords, labels: Array(labels[doc.tokens]))
            for (k, e) in local.enumerated() { evidence[doc.tokens.lowerBound + k] = e }
        }
        var scratch: [UInt64] = []
        for i in 0..<gold.count {
            scratch.removeAll(keepingCapacity: true)
            contextWords.withUnsafeBufferPointer { wb in
                guard let base = wb.baseAddress else { return }
                templates.evidenceFeatures(evidence[i], current: base + Int(wordIds[i]), into: &scratch)
            }
            matrix.appendToken(scratch, bits: bits)
        }
        return matrix
    }

    /// Each document's token range and its sentences relative to that range.
    static func documentSlices(sentences: [Range<Int>], documents: [Range<Int>]) -> [(tokens: Range<Int>, local: [Range<Int>])] {
        documents.compactMap { d in
            guard !d.isEmpty, let lo = sentences[d.lowerBound].first, let hi = sentences[d.upperBound - 1].last else {
                return nil
            }
            return (lo..<(hi + 1), sentences[d].map { ($0.lowerBound - lo)..<($0.upperBound - lo) })
        }
    }
}
