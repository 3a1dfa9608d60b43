/// A direct quotation and, where the text names one, its speaker.
public struct Quote: Codable, Hashable, Sendable {
    /// The quoted words without the surrounding quotation marks.
    public var text: String
    /// The speaker as the text names them (`senior State Department official`), or nil.
    public var speaker: String?

    public init(text: String, speaker: String?) {
        self.text = text
        self.speaker = speaker
    }
}
