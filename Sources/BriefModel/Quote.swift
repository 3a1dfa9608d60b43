/// A direct quotation and, where the text says who speaks, its speaker.
public struct Quote: Codable, Hashable, Sendable {
    /// The quoted words without the surrounding quotation marks (the parts of a quote that runs over several
    /// paragraphs joined with a space).
    public var text: String
    /// The speaker's name as the story gives it in full (`Katarzyna Nowak` for a later `Nowak said`), never a
    /// title phrase; nil when the text names nobody.
    public var speaker: String?
    /// The speaker's entity key as the linker keys entities (`PER:katarzyna-nowak`); filled by `StoryAnnotator`,
    /// nil before tagging or when the speaker is not one of the story's entities.
    public var speakerEntity: String?
    /// What the text calls the speaker when it gives no name (`senior State Department official`), else nil.
    public var description: String?
    /// The translation given in brackets right after the quote (`“停止挑衅” (“stop the provocations”)`).
    public var translation: String?
    /// Index of the paragraph the quote starts in, counting the story's paragraphs in reading order across
    /// sections; nil for quotes built by hand.
    public var paragraph: Int?

    public init(text: String, speaker: String?, speakerEntity: String? = nil, description: String? = nil,
                translation: String? = nil, paragraph: Int? = nil) {
        self.text = text
        self.speaker = speaker
        self.speakerEntity = speakerEntity
        self.description = description
        self.translation = translation
        self.paragraph = paragraph
    }
}
