import BriefStore

/// One story on an entity page: the story's list row and the sentence of its first mention of the entity.
public struct EntityStory: Hashable, Sendable {
    public var summary: StorySummary
    /// The sentence around the mention (sanitised for display by whoever shows it).
    public var sentence: String
    /// The mention's place in `sentence`, in Unicode scalars, `end` exclusive.
    public var mentionStart: Int
    public var mentionEnd: Int

    public init(summary: StorySummary, sentence: String, mentionStart: Int, mentionEnd: Int) {
        self.summary = summary
        self.sentence = sentence
        self.mentionStart = mentionStart
        self.mentionEnd = mentionEnd
    }

    /// The story row with its paragraph cut to the sentence around the mention.
    public init(_ mentioning: MentioningStory) {
        let cut = MentionSentence.cut(mentioning.paragraph, start: mentioning.start, end: mentioning.end)
        self.init(summary: mentioning.summary, sentence: cut.sentence, mentionStart: cut.start, mentionEnd: cut.end)
    }
}
