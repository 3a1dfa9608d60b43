/// The part of a word's `WordInfo` that is read at every occurrence of the word, once the word's own features have
/// been summed: what its neighbours' context features, the second pass's evidence and the document analysis need.
/// A tagging session keeps this for every word it holds and drops the rest of the `WordInfo` (spelling, shape,
/// affix and trigram hashes, 240 bytes a word in all) as soon as each pass has summed the word's features.
public struct ContextWord: Sendable {
    /// `WordInfo.lower`: the lower-cased spelling with digits folded.
    public var lower: UInt64
    /// `WordInfo.shortShape`.
    public var shortShape: UInt64
    /// `WordInfo.lexiconKey`.
    public var lexiconKey: UInt64
    /// `WordInfo.cluster1024`; read only when `hasCluster`.
    public var cluster1024: UInt64
    public var letterCase: WordInfo.Case
    public var frequency: UInt8
    /// Whether the word has a word cluster (`WordInfo.cluster64 != 0`).
    public var hasCluster: Bool

    public init(_ info: WordInfo) {
        lower = info.lower
        shortShape = info.shortShape
        lexiconKey = info.lexiconKey
        cluster1024 = info.cluster1024
        letterCase = info.letterCase
        frequency = info.frequency
        hasCluster = info.cluster64 != 0
    }
}
