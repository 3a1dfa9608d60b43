/// How a feed that was not well-formed XML was still read: the complete items kept, the ones lost, and the fault.
public struct FeedRecovery: Hashable, Sendable, Codable {
    /// Complete items read from the malformed document.
    public var itemsRecovered: Int
    /// Items that were begun but could not be read (cut short, or broken inside).
    public var itemsLost: Int
    /// The fault that made the document ill-formed, as the strict parse reported it (one line).
    public var problem: String

    public init(itemsRecovered: Int, itemsLost: Int, problem: String) {
        self.itemsRecovered = itemsRecovered
        self.itemsLost = itemsLost
        self.problem = problem
    }

    /// `recovered 3 items from a malformed feed (parse error at line 40: undefined entity &foo;)`.
    public var summary: String {
        let noun = itemsRecovered == 1 ? "item" : "items"
        var line = "recovered \(itemsRecovered) \(noun) from a malformed feed"
        if itemsLost > 0 { line += ", \(itemsLost) lost" }
        return line + " (\(problem))"
    }
}
