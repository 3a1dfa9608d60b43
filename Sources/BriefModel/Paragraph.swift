import BriefTagger

/// One paragraph of reading text, with the entity mentions found in it
/// (offsets in Unicode scalars of `text`).
public struct Paragraph: Codable, Hashable, Sendable {
    public var text: String
    public var mentions: [Mention]

    public init(text: String, mentions: [Mention] = []) {
        self.text = text
        self.mentions = mentions
    }
}
