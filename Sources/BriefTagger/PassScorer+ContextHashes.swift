extension PassScorer {
    /// Each token's context feature hashes (`FeatureTemplates.contextFeatures`), worked out once for a document and
    /// read by both passes: token `i`'s are `hashes[ranges[i]]` (empty for a token in no sentence).
    struct ContextHashes {
        var hashes: [UInt64] = []
        var ranges: [Range<Int>]

        init(wordIds: [Int32], sentences: [Range<Int>], words: [ContextWord], contexts: DocumentContexts,
             templates: FeatureTemplates) {
            ranges = Array(repeating: 0..<0, count: wordIds.count)
            hashes.reserveCapacity(wordIds.count * 8)
            words.withUnsafeBufferPointer { wb in
                guard let wordBase = wb.baseAddress else { return }
                for sentence in sentences {
                    func word(_ j: Int) -> Int { sentence.contains(j) ? Int(wordIds[j]) : 0 }
                    for i in sentence {
                        let start = hashes.count
                        templates.contextFeatures(previous: wordBase + word(i - 1), current: wordBase + Int(wordIds[i]),
                                                  next: wordBase + word(i + 1), context: contexts.contexts[i],
                                                  into: &hashes)
                        ranges[i] = start..<hashes.count
                    }
                }
            }
        }
    }
}
