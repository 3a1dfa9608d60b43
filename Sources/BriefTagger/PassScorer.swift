/// Scores tokens for one pass of the tagger: sums, per distinct word, the weights of its word features at
/// each offset once, then per token adds its neighbours' sums and looks up its context features.
struct PassScorer {
    let weights: WeightTable
    let templates: FeatureTemplates
    /// `[(wordId * 5 + offset + 2) * 9 + label]`.
    private var cache: [Float] = []
    private var cachedWords = 0
    private var scratch: [UInt64] = []

    init(weights: WeightTable, templates: FeatureTemplates) {
        self.weights = weights
        self.templates = templates
        scratch.reserveCapacity(64)
    }

    /// Makes sure every word in `words` has its summed vectors.
    mutating func extendCache(words: [WordInfo]) {
        guard cachedWords < words.count else { return }
        cache.append(contentsOf: repeatElement(0, count: (words.count - cachedWords) * 45))
        weights.withTables { tables in
            cache.withUnsafeMutableBufferPointer { c in
                guard let base = c.baseAddress else { return }
                for w in cachedWords..<words.count {
                    for offset in -2...2 {
                        scratch.removeAll(keepingCapacity: true)
                        templates.wordFeatures(words[w], offset: offset, into: &scratch)
                        let target = base + (w * 5 + offset + 2) * 9
                        for h in scratch { tables.add(h, to: target) }
                    }
                }
            }
        }
        cachedWords = words.count
    }

    /// Emission scores (`count × 9`) for the tokens of one document.
    mutating func emissions(wordIds: [Int32], sentences: [Range<Int>], words: [WordInfo],
                            contexts: DocumentContexts, evidence: [FirstPassEvidence]?) -> [Float] {
        extendCache(words: words)
        var result = [Float](repeating: 0, count: wordIds.count * 9)
        let templates = self.templates
        // Summed aggregate features per word group of this document, filled on first use.
        let slots = DocumentAnalysis.aggregatedOccurrences * 2
        var groupVectors = [Float](repeating: 0, count: (contexts.aggregates.count / slots) * 9)
        var groupDone = [Bool](repeating: false, count: contexts.aggregates.count / slots)
        weights.withTables { tables in
            contexts.aggregates.withUnsafeBufferPointer { aggregates in
            cache.withUnsafeBufferPointer { c in
                result.withUnsafeMutableBufferPointer { r in
                  words.withUnsafeBufferPointer { wb in
                    guard let cache = c.baseAddress, let out = r.baseAddress, let wordBase = wb.baseAddress else { return }
                    for sentence in sentences {
                        for i in sentence {
                            let s = out + i * 9
                            for offset in -2...2 {
                                let j = i + offset
                                let w = sentence.contains(j) ? Int(wordIds[j]) : 0
                                let v = cache + (w * 5 + offset + 2) * 9
                                for l in 0..<9 { s[l] += v[l] }
                            }
                            scratch.removeAll(keepingCapacity: true)
                            func word(_ j: Int) -> Int { sentence.contains(j) ? Int(wordIds[j]) : 0 }
                            let current = wordBase + Int(wordIds[i])
                            templates.contextFeatures(previous: wordBase + word(i - 1), current: current,
                                                      next: wordBase + word(i + 1), context: contexts.contexts[i],
                                                      into: &scratch)
                            if let evidence {
                                templates.evidenceFeatures(evidence[i], current: current, into: &scratch)
                            }
                            for h in scratch { tables.add(h, to: s) }
                            let context = contexts.contexts[i]
                            if context.aggregateStart >= 0, templates.options.contextAggregation {
                                let g = Int(context.aggregateStart) / slots
                                if g < groupDone.count {
                                    if !groupDone[g] {
                                        scratch.removeAll(keepingCapacity: true)
                                        templates.aggregateFeatures(context, aggregates: aggregates, into: &scratch)
                                        groupVectors.withUnsafeMutableBufferPointer { v in
                                            guard let base = v.baseAddress else { return }
                                            for h in scratch { tables.add(h, to: base + g * 9) }
                                        }
                                        groupDone[g] = true
                                    }
                                    for l in 0..<9 { s[l] += groupVectors[g * 9 + l] }
                                }
                            }
                        }
                    }
                  }
                }
            }
            }
        }
        return result
    }

    /// The best labels for every token given emissions.
    func decode(emissions: [Float], sentences: [Range<Int>], count: Int) -> [Int] {
        var labels = [Int](repeating: 0, count: count)
        emissions.withUnsafeBufferPointer { e in
            weights.transitions.withUnsafeBufferPointer { t in
                weights.start.withUnsafeBufferPointer { st in
                    labels.withUnsafeMutableBufferPointer { out in
                        guard let e = e.baseAddress, let t = t.baseAddress, let st = st.baseAddress,
                              let o = out.baseAddress else { return }
                        for sentence in sentences where !sentence.isEmpty {
                            ViterbiDecoder.decode(emissions: e + sentence.lowerBound * 9, count: sentence.count,
                                                  transitions: t, start: st, into: o + sentence.lowerBound)
                        }
                    }
                }
            }
        }
        return labels
    }
}
