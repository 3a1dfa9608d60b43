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

    /// Sums the word features of the words `table` holds new infos for that this scorer has not summed yet.
    mutating func extendCache(from table: WordTable) {
        let total = table.count
        guard cachedWords < total else { return }
        precondition(cachedWords >= table.firstNew, "the infos of words to sum were forgotten")
        let infos = table.newInfos, firstNew = table.firstNew
        cache.append(contentsOf: repeatElement(0, count: (total - cachedWords) * 45))
        weights.withTables { tables in
            cache.withUnsafeMutableBufferPointer { c in
                guard let base = c.baseAddress else { return }
                for w in cachedWords..<total {
                    for offset in -2...2 {
                        scratch.removeAll(keepingCapacity: true)
                        templates.wordFeatures(infos[w - firstNew], offset: offset, into: &scratch)
                        var sum = LabelScores()
                        Self.accumulate(&scratch, tables: tables, into: &sum)
                        sum.store(to: base + (w * 5 + offset + 2) * 9)
                    }
                }
            }
        }
        cachedWords = total
    }

    /// Keeps only the summed vectors of the words `kept` names by their old ids, in that order, following
    /// `WordTable.keepMostUsed`; every word must have been summed.
    mutating func keep(_ kept: [Int32]) {
        var smaller = [Float]()
        smaller.reserveCapacity(kept.count * 45)
        for old in kept {
            let start = Int(old) * 45
            smaller.append(contentsOf: cache[start..<(start + 45)])
        }
        cache = smaller
        cachedWords = kept.count
    }

    /// Adds the weights of every feature hash in `features` to `sum`, in order. The rows are found first, all of
    /// them, so that their memory reads overlap rather than wait on each other's sums (`features` is overwritten).
    @inline(__always)
    private static func accumulate(_ features: inout [UInt64], tables: WeightTable.Tables, into sum: inout LabelScores) {
        features.withUnsafeMutableBufferPointer { f in
            for k in f.indices { f[k] = UInt64(truncatingIfNeeded: tables.row(f[k])) }
            for k in f.indices { tables.accumulate(row: Int(truncatingIfNeeded: f[k]), into: &sum) }
        }
    }

    /// How many evidence feature hashes `emissions` gathers before it clears them.
    private static let evidenceBatch = 4096
    /// How many tokens' feature rows `emissions` finds before it adds them up: enough for many memory reads in flight.
    private static let rowBlock = 8192
    /// How far ahead `emissions` asks for the weight table's memory: the directory word of the feature this many
    /// hashes on, and the weight rows of the token this many tokens on. The tables (about 10 MB for the two passes)
    /// do not fit in a core's cache, so nearly every lookup waits for memory; asked for early, the reads overlap.
    /// `brief-bench tagger` tagged 1.50 M tokens/s without, 1.59 M with these (24 and 4, or 32 and 3, did no better;
    /// asking for the word sums' rows ahead too gained nothing).
    private static let directoryLead = 16, rowLead = 2

    /// Emission scores (`count × 9`) for the tokens of one document; every word in `wordIds` must have been summed
    /// (`extendCache`).
    ///
    /// In two sweeps over each block of `rowBlock` tokens: the first finds the weight row of every token's context
    /// and evidence features, the second adds them up. A row is found through the directory, a read that mostly misses
    /// the processor's caches (the tables are larger than them); in one sweep over thousands of tokens those reads do
    /// not wait on each token's sums, so many are in flight at once. The additions are the same, in the same order,
    /// as one token at a time.
    mutating func emissions(wordIds: [Int32], sentences: [Range<Int>], words: [ContextWord],
                            contexts: DocumentContexts, contextHashes: inout ContextHashes,
                            evidence: [FirstPassEvidence]?) -> [Float] {
        precondition(cachedWords >= words.count, "emissions before extendCache")
        var result = [Float](repeating: 0, count: wordIds.count * 9)
        let templates = self.templates
        let aggregating = templates.options.contextAggregation
        // Summed aggregate features per word group of this document, filled on first use.
        let slots = DocumentAnalysis.aggregatedOccurrences * 2
        var groupVectors = [Float](repeating: 0, count: (contexts.aggregates.count / slots) * 9)
        var groupDone = [Bool](repeating: false, count: contexts.aggregates.count / slots)
        // The evidence features of token after token, one after another: cleared only now and then rather than at
        // every token.
        var evidenceHashes = [UInt64]()
        if evidence != nil { evidenceHashes.reserveCapacity(Self.evidenceBatch + 16) }
        weights.withTables { tables in
            words.withUnsafeBufferPointer { wb in
            contexts.aggregates.withUnsafeBufferPointer { aggregates in
            contexts.contexts.withUnsafeBufferPointer { contextOf in
            cache.withUnsafeBufferPointer { c in
            result.withUnsafeMutableBufferPointer { r in
            wordIds.withUnsafeBufferPointer { ids in
            groupVectors.withUnsafeMutableBufferPointer { groups in
                guard let wordBase = wb.baseAddress, let cache = c.baseAddress, let out = r.baseAddress else { return }
                // The feature rows of one block of tokens at a time, from `blockStart`: token i's are
                // rows[rowStart[i - blockStart]..<rowStart[i - blockStart + 1]]. A block rather than the whole
                // document, which may have millions of tokens (the stress script's 100,000-paragraph story peaked
                // 52 MB higher with the rows of the whole document).
                let rowStart = UnsafeMutablePointer<Int>.allocate(capacity: Self.rowBlock + 1)
                var rowCapacity = 0
                var rows = UnsafeMutablePointer<Int32>.allocate(capacity: rowCapacity)
                defer {
                    rowStart.deallocate()
                    rows.deallocate()
                }
                var blockStart = 0, blockEnd = 0
                for sentence in sentences {
                    func word(_ j: Int) -> Int { sentence.contains(j) ? Int(ids[j]) : 0 }
                    for i in sentence {
                        if i < blockStart || i >= blockEnd {
                            // The first sweep, over the block from this token: the weight row of every token's context
                            // and evidence features (at most `evidenceFeatureLimit` of those a token).
                            blockStart = i
                            blockEnd = min(i + Self.rowBlock, wordIds.count)
                            contextHashes.load(blockStart..<blockEnd)
                            let evidenceRoom = evidence == nil ? 0 : FeatureTemplates.evidenceFeatureLimit
                            let needed = contextHashes.hashes.count + (blockEnd - blockStart) * evidenceRoom
                            if needed > rowCapacity {
                                rows.deallocate()
                                rowCapacity = needed
                                rows = UnsafeMutablePointer<Int32>.allocate(capacity: rowCapacity)
                            }
                            var count = 0
                            contextHashes.hashes.withUnsafeBufferPointer { hashes in
                            contextHashes.starts.withUnsafeBufferPointer { starts in
                                for t in blockStart..<blockEnd {
                                    rowStart[t - blockStart] = count
                                    let from = starts[t - blockStart], to = starts[t - blockStart + 1]
                                    for k in from..<to {
                                        if k &+ Self.directoryLead < hashes.count {
                                            tables.prefetchDirectory(hashes[k &+ Self.directoryLead])
                                        }
                                        rows[count] = Int32(truncatingIfNeeded: tables.row(hashes[k]))
                                        count += 1
                                    }
                                    if let evidence, to > from {
                                        if evidenceHashes.count >= Self.evidenceBatch {
                                            evidenceHashes.removeAll(keepingCapacity: true)
                                        }
                                        let first = evidenceHashes.count
                                        templates.evidenceFeatures(evidence[t], current: wordBase + Int(ids[t]),
                                                                   into: &evidenceHashes)
                                        // The buffer has room for no more: a template added past the limit stops
                                        // here rather than writing past it.
                                        precondition(evidenceHashes.count - first <= evidenceRoom,
                                                     "evidence features over the limit")
                                        for k in first..<evidenceHashes.count {
                                            rows[count] = Int32(truncatingIfNeeded: tables.row(evidenceHashes[k]))
                                            count += 1
                                        }
                                    }
                                }
                            }
                            }
                            rowStart[blockEnd - blockStart] = count
                        }
                        // The second sweep adds them up, token by token.
                        var sum = LabelScores()
                        for offset in -2...2 {
                            sum.add(cache + (word(i + offset) * 5 + offset + 2) * 9)
                        }
                        let local = i - blockStart
                        if local &+ Self.rowLead < blockEnd &- blockStart {
                            for k in rowStart[local &+ Self.rowLead]..<rowStart[local &+ Self.rowLead &+ 1] {
                                tables.prefetchRow(Int(rows[k]))
                            }
                        }
                        for k in rowStart[local]..<rowStart[local + 1] { tables.accumulate(row: Int(rows[k]), into: &sum) }
                        let context = contextOf[i]
                        if context.aggregateStart >= 0, aggregating {
                            let g = Int(context.aggregateStart) / slots
                            if g < groupDone.count, let base = groups.baseAddress {
                                if !groupDone[g] {
                                    scratch.removeAll(keepingCapacity: true)
                                    templates.aggregateFeatures(context, aggregates: aggregates, into: &scratch)
                                    var group = LabelScores()
                                    Self.accumulate(&scratch, tables: tables, into: &group)
                                    group.store(to: base + g * 9)
                                    groupDone[g] = true
                                }
                                sum.add(base + g * 9)
                            }
                        }
                        sum.store(to: out + i * 9)
                    }
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
