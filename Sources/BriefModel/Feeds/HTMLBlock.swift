/// One block of text taken from HTML content: a heading or a paragraph, with markup removed and entities decoded.
///
/// List items are paragraphs that start with `• ` (unordered) or `1. ` (ordered); a `<br>` inside a block is kept
/// as a line break (`\n`) in `text`.
public struct HTMLBlock: Hashable, Sendable, Codable {
    /// What the block is, which decides how the sectioner groups it.
    public enum Kind: Hashable, Sendable, Codable {
        /// `<h1>`…`<h6>`: the level is 1…6.
        case heading(level: Int)
        case paragraph
    }

    public var kind: Kind
    /// Plain text: whitespace collapsed (kept inside `<pre>`), no leading or trailing whitespace.
    public var text: String

    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}
