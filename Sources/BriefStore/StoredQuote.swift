import Foundation

/// A quote as the library lists it: its words and speaker, and the story it is from.
public struct StoredQuote: Hashable, Sendable {
    public var storyID: Int64
    public var storyTitle: String
    /// The story's date (published, or its dateline's day); nil when undated.
    public var published: Date?
    public var text: String
    public var speaker: String?
    public var speakerEntity: String?
    /// The entity's canonical name, when the speaker is linked.
    public var speakerEntityName: String?
    public var description: String?
    public var translation: String?
    /// False for a quote found in running text; true for a transcript turn, whose words are its speaker's.
    public var isTurn: Bool

    public init(storyID: Int64, storyTitle: String, published: Date?, text: String, speaker: String?,
                speakerEntity: String?, speakerEntityName: String?, description: String?, translation: String?,
                isTurn: Bool = false) {
        self.storyID = storyID
        self.storyTitle = storyTitle
        self.published = published
        self.text = text
        self.speaker = speaker
        self.speakerEntity = speakerEntity
        self.speakerEntityName = speakerEntityName
        self.description = description
        self.translation = translation
        self.isTurn = isTurn
    }
}
