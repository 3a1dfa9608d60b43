extension PassScorer {
    /// The context feature hashes (`FeatureTemplates.contextFeatures`) of one block of a document's tokens at a time,
    /// worked out when `emissions` reaches the block. A document of one block (`rowBlock` tokens: nearly every story)
    /// has them worked out once, for both passes; a longer one has them worked out again in the second pass, a block
    /// at a time, rather than held for the whole document (about 80 bytes a token, 104 MB of the stress script's
    /// 100,000-paragraph story).
    struct ContextHashes {
        private let wordIds: [Int32]
        private let words: [ContextWord]
        private let contexts: DocumentContexts
        private let templates: FeatureTemplates
        /// Per token: 1 when it is in a sentence, 2 when the token before is in the same sentence, 4 when the one after.
        private let edges: [UInt8]
        /// The block whose hashes are held: token `t`'s are `hashes[starts[t - block.lowerBound]..<starts[t - block.lowerBound + 1]]`
        /// (none for a token in no sentence).
        private(set) var block: Range<Int> = 0..<0
        private(set) var hashes: [UInt64] = []
        private(set) var starts: [Int] = [0]

        init(wordIds: [Int32], sentences: [Range<Int>], words: [ContextWord], contexts: DocumentContexts,
             templates: FeatureTemplates) {
            self.wordIds = wordIds
            self.words = words
            self.contexts = contexts
            self.templates = templates
            var edges = [UInt8](repeating: 0, count: wordIds.count)
            for sentence in sentences {
                for i in sentence {
                    edges[i] = 1 | (i > sentence.lowerBound ? 2 : 0) | (i + 1 < sentence.upperBound ? 4 : 0)
                }
            }
            self.edges = edges
        }

        /// Works out the hashes of the tokens of `block`, unless they are the ones held.
        mutating func load(_ block: Range<Int>) {
            guard block != self.block else { return }
            self.block = block
            hashes.removeAll(keepingCapacity: true)
            hashes.reserveCapacity(block.count * 8)
            starts.removeAll(keepingCapacity: true)
            starts.reserveCapacity(block.count + 1)
            starts.append(0)
            let templates = self.templates
            words.withUnsafeBufferPointer { wb in
                wordIds.withUnsafeBufferPointer { ids in
                    contexts.contexts.withUnsafeBufferPointer { contextOf in
                        guard let wordBase = wb.baseAddress else { return }
                        for i in block {
                            let edge = edges[i]
                            if edge & 1 != 0 {
                                let previous = edge & 2 != 0 ? Int(ids[i - 1]) : 0
                                let next = edge & 4 != 0 ? Int(ids[i + 1]) : 0
                                templates.contextFeatures(previous: wordBase + previous, current: wordBase + Int(ids[i]),
                                                          next: wordBase + next, context: contextOf[i], into: &hashes)
                            }
                            starts.append(hashes.count)
                        }
                    }
                }
            }
        }
    }
}
