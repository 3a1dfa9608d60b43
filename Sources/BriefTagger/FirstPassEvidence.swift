/// What the first pass said about a token and its word elsewhere in the document; the second pass
/// reads it as features (stacking).
public struct FirstPassEvidence: Sendable {
    /// First-pass label of the token, and of its neighbours (`BIOTagSet` indices; -1 outside the sentence).
    public var label: Int
    public var previousLabel: Int
    public var nextLabel: Int
    /// The type index the word was most often tagged with elsewhere in the document, or -1.
    public var documentType: Int
    /// Share of the word's capitalised occurrences tagged as that type, in quarters (0…4).
    public var documentShare: Int
    /// The type of a longer first-pass entity elsewhere in the document that contains this word, or -1.
    public var longerEntityType: Int

    public init(label: Int, previousLabel: Int, nextLabel: Int, documentType: Int, documentShare: Int,
                longerEntityType: Int) {
        self.label = label
        self.previousLabel = previousLabel
        self.nextLabel = nextLabel
        self.documentType = documentType
        self.documentShare = documentShare
        self.longerEntityType = longerEntityType
    }
}
