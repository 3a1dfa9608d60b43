/// A text cut into tokens and sentences, holding the UTF-8 bytes the tokens point into.
///
/// Raw text and CoNLL columns both become this shape, so the tagger runs one code path for both.
public struct TokenizedText: Sendable {
    /// The UTF-8 bytes the token spans index.
    public var bytes: [UInt8]
    /// Tokens in reading order.
    public var tokens: [TokenSpan]
    /// Sentences as ranges of token indices, in order, covering tokens without overlap.
    public var sentences: [Range<Int>]

    public init(bytes: [UInt8], tokens: [TokenSpan] = [], sentences: [Range<Int>] = []) {
        self.bytes = bytes
        self.tokens = tokens
        self.sentences = sentences
    }

    /// The text of token `i`, repairing invalid UTF-8 rather than failing.
    public func text(of i: Int) -> String {
        let t = tokens[i]
        return String(decoding: bytes[t.byteStart..<t.byteEnd], as: UTF8.self)
    }
}
