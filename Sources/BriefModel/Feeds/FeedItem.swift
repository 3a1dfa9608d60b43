import Foundation

/// One entry of a feed (an RSS `item`, an Atom `entry`, a JSON Feed item), as the feed gave it.
public struct FeedItem: Hashable, Sendable, Codable {
    /// Identity within the feed: the RSS `guid`, Atom `id` or JSON Feed `id`; else the link; else
    /// `fingerprint:` and the content fingerprint (an item with neither still has a stable identity).
    public var id: String
    /// The story's web address (absolute when the feed's address was known), if any.
    public var link: String?
    /// The headline as plain text (markup removed, entities decoded); empty when the feed gave none.
    public var title: String
    public var published: Date?
    public var author: String?
    /// The full text (`content:encoded`, Atom `content`, `content_html` / `content_text`), if any.
    public var content: FeedContent?
    /// The short text (RSS `description`, Atom `summary`, JSON `summary`), if any.
    public var summary: FeedContent?

    public init(id: String, link: String? = nil, title: String, published: Date? = nil, author: String? = nil,
                content: FeedContent? = nil, summary: FeedContent? = nil) {
        self.id = id
        self.link = link
        self.title = title
        self.published = published
        self.author = author
        self.content = content
        self.summary = summary
    }

    /// The body's blocks: the full content when there is some, else the summary. A first block that only repeats
    /// the headline is left out.
    public var bodyBlocks: [HTMLBlock] {
        var blocks = content?.blocks ?? []
        if blocks.isEmpty { blocks = summary?.blocks ?? [] }
        if let first = blocks.first, ContentFingerprint.normalisePlain(first.text) == ContentFingerprint.normalisePlain(title) {
            blocks.removeFirst()
        }
        return blocks
    }

    /// The item as a plain-text article in the layout the sectioner reads: the headline on the first line, a blank
    /// line, then each heading and paragraph on its own, separated by blank lines. Import is
    /// `ArticleParser.parse(item.articleText, format: .article)`.
    ///
    /// A heading is written as a stand-alone `Heading:` line (a colon added unless it already ends in
    /// punctuation), the form plain-text headings take, so the sectioner groups the paragraphs under it.
    /// An item with no headline is headed by its link, or "Untitled".
    public var articleText: String { articleText(body: bodyBlocks) }

    /// The same story's fingerprint in any feed: headline and body with markup, case and whitespace normalised.
    public var fingerprint: ContentFingerprint { fingerprint(body: bodyBlocks) }

    /// `articleText` and `fingerprint` from one reading of the body's HTML (each alone reads it again): what an
    /// import needs of every item.
    public var articleTextAndFingerprint: (text: String, fingerprint: ContentFingerprint) {
        let body = bodyBlocks
        return (articleText(body: body), fingerprint(body: body))
    }

    private func articleText(body: [HTMLBlock]) -> String {
        var headline = Self.oneLine(title, trimmed: true)
        if headline.isEmpty { headline = link ?? "Untitled" }
        var parts = [headline]
        for block in body {
            switch block.kind {
            case .paragraph:
                parts.append(block.text)
            case .heading:
                let line = Self.oneLine(block.text, trimmed: false)
                let endsInPunctuation = line.last.map { ".:?!…;,".contains($0) } ?? true
                parts.append(endsInPunctuation ? line : line + ":")
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// `text` on one line, each line break a space, and with `trimmed` spaces and tabs (`CharacterSet.whitespaces`)
    /// cut at either end. Text with no line break that starts and ends with another ASCII character (most
    /// headlines) is returned as it is: Foundation's trimming and the generic `replacing` cost some 50,000
    /// instructions a headline.
    static func oneLine(_ text: String, trimmed: Bool) -> String {
        let utf8 = text.utf8
        let plainEnd = { (byte: UInt8?) in byte.map { $0 < 0x80 && $0 != 0x20 && $0 != 0x09 } ?? true }
        if !utf8.contains(0x0A), !trimmed || (plainEnd(utf8.first) && plainEnd(utf8.last)) { return text }
        let line = text.replacing("\n", with: " ")
        return trimmed ? line.trimmingCharacters(in: .whitespaces) : line
    }

    private func fingerprint(body: [HTMLBlock]) -> ContentFingerprint {
        ContentFingerprint(plainTitle: title, paragraphs: body.map(\.text))
    }
}
