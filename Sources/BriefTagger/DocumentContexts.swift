/// The contexts of one document's tokens, with the neighbour words gathered from each capitalised word's
/// occurrences (which `SentenceContext.aggregateStart` points into).
public struct DocumentContexts: Sendable {
    public var contexts: [SentenceContext]
    /// Hashed neighbour words; each group holds left neighbours (even slots) and right neighbours (odd).
    public var aggregates: [UInt64]
    /// The phrase look-ups made while marking the document's gazetteer phrases, for `KnowledgeSpans` to read again.
    public var phrases: PhraseLookups

    public init(contexts: [SentenceContext], aggregates: [UInt64] = [], phrases: PhraseLookups? = nil) {
        self.contexts = contexts
        self.aggregates = aggregates
        self.phrases = phrases ?? PhraseLookups(count: 0)
    }
}
