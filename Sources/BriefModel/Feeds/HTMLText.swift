/// Turns the HTML of a feed item into plain blocks of text: headings and paragraphs, ready for the sectioner.
///
/// Block elements (`p`, `div`, `li`, `h1`–`h6`, `blockquote`, `pre`, `tr`, …) end a paragraph; `<br>` is a line
/// break and two in a row end a paragraph; list items start with `• ` or `1. `; character references are decoded;
/// `script`, `style` and comments are dropped; other tags are removed and their text kept. Tolerant of broken
/// markup: unclosed tags and stray `<` never lose text.
///
///     HTMLText.paragraphs("<p>Talks resume.</p><ul><li>Oslo</li></ul>")   // ["Talks resume.", "• Oslo"]
public enum HTMLText {
    /// The headings and paragraphs of `html`, in document order; empty blocks are dropped.
    public static func blocks(_ html: String) -> [HTMLBlock] {
        var builder = HTMLBlockBuilder()
        builder.run(Array(html.utf8))
        return builder.blocks
    }

    /// The text of every block of `html` (headings included), in document order.
    public static func paragraphs(_ html: String) -> [String] {
        blocks(html).map(\.text)
    }

    /// All of `html` on one line: the blocks joined by single spaces (for titles and names).
    public static func inlineText(_ html: String) -> String {
        guard html.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") || $0 < 0x21 || $0 == 0xC2 }) else {
            return html
        }
        return blocks(html).map { $0.text.replacing("\n", with: " ") }.joined(separator: " ")
    }
}
