/// A run of paragraphs of one kind, optionally under a heading or speaker name.
public struct Section: Codable, Hashable, Sendable {
    public var kind: SectionKind
    public var title: String?
    public var paragraphs: [Paragraph]
    /// For a turn: the person behind the label, by the name the story gives in full (`MS NOWAK` → `Katarzyna
    /// Nowak` when she is named earlier, else `Nowak`); nil for other sections and for `QUESTION`, `Q`,
    /// `MODERATOR` and labels naming nobody.
    public var speaker: String?
    /// For a turn: the speaker's entity key (`PER:katarzyna-nowak`), filled by `StoryAnnotator`; nil before.
    public var speakerEntity: String?

    public init(kind: SectionKind, title: String? = nil, paragraphs: [Paragraph], speaker: String? = nil,
                speakerEntity: String? = nil) {
        self.kind = kind
        self.title = title
        self.paragraphs = paragraphs
        self.speaker = speaker
        self.speakerEntity = speakerEntity
    }
}
