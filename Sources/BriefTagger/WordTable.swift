/// The distinct word forms of the text being tagged, each with its `WordInfo`, keyed by the hash of the
/// token's bytes so that a repeated word costs one hash and one dictionary probe.
///
/// Id 0 is the sentence-boundary pseudo-word.
public struct WordTable {
    public private(set) var infos: [WordInfo] = [WordInfo.boundary]
    /// Word ids by hash (an open-addressing table: a probe costs a multiply, where `Dictionary` hashes the hash again).
    private var ids = HashIndex(expected: 4096)
    public let lexicon: Lexicon

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// The id of the word spelled by `bytes`, adding it when new.
    @inline(__always)
    public mutating func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = FeatureHash.bytes(bytes)
        if let id = ids.find(h) { return Int32(id) }
        let id = Int32(infos.count)
        infos.append(WordInfo(String(decoding: bytes, as: UTF8.self), lexicon: lexicon))
        ids.insert(h, UInt32(id))
        return id
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
