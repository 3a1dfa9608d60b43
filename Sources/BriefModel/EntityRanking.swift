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

    /// The names a story's list row shows: the canonical names of its `count` highest-ranked entities, leaving out
    /// one-word MISC names (nationality and other adjectives: `Russian`, `European`), which say nothing about
    /// what the story is about.
    public static func topNames(_ entities: [Entity], count: Int = 3) -> [String] {
        var names: [String] = []
        for entity in ranked(entities) where names.count < count && !isAdjective(entity) {
            let name = entity.canonicalName.isEmpty ? entity.name : entity.canonicalName
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// A MISC name of one word (`Russian`, `European`, `Sudanese`): a nationality or other adjective.
    public static func isAdjective(_ entity: Entity) -> Bool {
        entity.type == .group && !entity.name.contains(" ") && !entity.canonicalName.contains(" ")
    }
}
