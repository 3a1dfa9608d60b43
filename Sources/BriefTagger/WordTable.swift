/// The distinct word forms of the text being tagged, keyed by the hash of the token's bytes so that a repeated word
/// costs one hash and one dictionary probe. Every word keeps its `ContextWord`; its whole `WordInfo` is kept only
/// until `forgetNewInfos`, once the scorers have summed its features (a training corpus never forgets them).
///
/// Id 0 is the sentence-boundary pseudo-word.
public struct WordTable {
    /// What the context features read, for every word id.
    public private(set) var words: [ContextWord] = [ContextWord(WordInfo.boundary)]
    /// The whole `WordInfo` of the words with ids `firstNew...`, added since `forgetNewInfos`.
    public private(set) var newInfos: [WordInfo] = [WordInfo.boundary]
    /// The id of `newInfos[0]`.
    public private(set) var firstNew = 0
    /// How many tokens each word has been looked up for (halved at every `keepMostUsed`, so that it follows the
    /// text being tagged now rather than all the text ever tagged).
    private var uses: [UInt32] = [0]
    /// Word ids by hash (an open-addressing table: a probe costs a multiply, where `Dictionary` hashes the hash again).
    private var ids = HashIndex(expected: 4096)
    public let lexicon: Lexicon

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// How many words the table holds (the sentence boundary included).
    public var count: Int { words.count }

    /// Every word's whole `WordInfo`, for a table that has never forgotten them (a training corpus).
    public var infos: [WordInfo] {
        precondition(firstNew == 0, "the table has forgotten the whole info of some words")
        return newInfos
    }

    /// Drops the whole `WordInfo` of the words added so far, keeping their `ContextWord`s.
    public mutating func forgetNewInfos() {
        firstNew = words.count
        // A text with many new words leaves a large buffer behind; a few thousand are kept for the next text.
        newInfos.removeAll(keepingCapacity: newInfos.capacity <= 4096)
    }

    /// The id of the word spelled by `bytes`, adding it when new.
    @inline(__always)
    public mutating func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = FeatureHash.bytes(bytes)
        if let id = ids.find(h) {
            uses[Int(id)] &+= 1
            return Int32(id)
        }
        let id = Int32(words.count)
        let info = WordInfo(String(decoding: bytes, as: UTF8.self), lexicon: lexicon)
        words.append(ContextWord(info))
        newInfos.append(info)
        uses.append(1)
        ids.insert(h, UInt32(id))
        return id
    }

    /// Forgets every word but the `count` most used ones (ties to the older word), which take ids `1...` in their old
    /// order. Returns the kept words' old ids by new id (entry 0 is the boundary, kept as id 0), for the caches keyed
    /// by word id to follow. Only a table whose new words' infos are forgotten can forget words.
    public mutating func keepMostUsed(_ count: Int) -> [Int32] {
        precondition(firstNew == words.count, "keepMostUsed before forgetNewInfos")
        guard count < words.count - 1 else { return Array(0..<Int32(words.count)) }
        var ranked = Array(1..<Int32(words.count))
        let uses = self.uses
        ranked.sort { uses[Int($0)] != uses[Int($1)] ? uses[Int($0)] > uses[Int($1)] : $0 < $1 }
        var kept: [Int32] = [0]
        kept.append(contentsOf: ranked.prefix(max(0, count)).sorted())
        var newId = [Int32](repeating: -1, count: words.count)
        for (new, old) in kept.enumerated() { newId[Int(old)] = Int32(new) }
        var index = HashIndex(expected: max(4096, kept.count * 2))
        ids.forEachEntry { key, old in
            let new = newId[Int(old)]
            if new >= 0 { index.insert(key, UInt32(new)) }
        }
        ids = index
        let words = self.words
        self.words = kept.map { words[Int($0)] }
        self.uses = kept.map { uses[Int($0)] / 2 }
        firstNew = kept.count
        return kept
    }

    /// Word ids for every token of `text`.
    public mutating func ids(for text: TokenizedText) -> [Int32] {
        var result = [Int32](repeating: 0, count: text.tokens.count)
        text.bytes.withUnsafeBufferPointer { bytes in
            for (i, t) in text.tokens.enumerated() {
                result[i] = id(of: UnsafeBufferPointer(rebasing: bytes[t.byteStart..<t.byteEnd]))
            }
        }
        return result
    }
}
