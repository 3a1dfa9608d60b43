/// One token of a text: where its UTF-8 bytes lie in the text's byte buffer, and where it lies in
/// Unicode scalars of the original text (the offsets mentions report).
public struct TokenSpan: Hashable, Sendable {
    /// First byte of the token in the UTF-8 buffer.
    public var byteStart: Int
    /// One past the last byte of the token.
    public var byteEnd: Int
    /// First Unicode scalar of the token in the original text.
    public var scalarStart: Int
    /// One past the last Unicode scalar of the token.
    public var scalarEnd: Int

    public init(byteStart: Int, byteEnd: Int, scalarStart: Int, scalarEnd: Int) {
        self.byteStart = byteStart
        self.byteEnd = byteEnd
        self.scalarStart = scalarStart
        self.scalarEnd = scalarEnd
    }
}
