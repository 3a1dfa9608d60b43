import BriefTagger

/// The one order in which Brief ranks a story's entities, wherever it shows them ranked: the list's top three
/// names (kept on the story's row at import), the entities of `brief show`, and the reader's entity panel (by type,
/// then in this order): most mentioned first; equally mentioned ones keep the story's order (first named first).
public enum EntityRanking {
    /// `entities` most mentioned first; ties in their given order.
    public static func ranked(_ entities: [Entity]) -> [Entity] {
        entities.enumerated()
            .sorted { $0.element.mentions != $1.element.mentions ? $0.element.mentions > $1.element.mentions
                                                                 : $0.offset < $1.offset }
            .map(\.element)
    }
}
