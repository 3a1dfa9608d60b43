/// What a token's features need to know about where it stands: its place in the sentence, whether the
/// sentence is set in capitals (a headline), and how its word is spelled elsewhere in the document.
public struct SentenceContext: Sendable {
    /// Token index within the sentence.
    public var position: Int
    /// Whether most letters of the sentence are capitals.
    public var allCaps: Bool
    /// Whether the word occurs in lower case elsewhere in the document.
    public var seenLowercase: Bool
    /// Whether the word occurs capitalised somewhere other than a sentence start or headline.
    public var seenCapitalisedInside: Bool

    /// Gazetteer flags of a several-word name (`Saudi Arabia`) the token is part of, and whether it is
    /// not the name's first word.
    public var phrase: GazetteerFlags = []
    public var phraseInside = false
    /// Where the hashed neighbours of the word's other occurrences start in `DocumentContexts.aggregates`
    /// (-1 when none), and how many there are.
    public var aggregateStart: Int32 = -1
    public var aggregateCount: Int32 = 0

    public init(position: Int, allCaps: Bool, seenLowercase: Bool = false, seenCapitalisedInside: Bool = false) {
        self.position = position
        self.allCaps = allCaps
        self.seenLowercase = seenLowercase
        self.seenCapitalisedInside = seenCapitalisedInside
    }
}
