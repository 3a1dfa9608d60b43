import BriefTagger

/// The one order in which Brief ranks a story's entities, wherever it shows them ranked: the list's top three
/// names (kept on the story's row at import), the entities of `brief show`, and the reader's entity panel (by type,
/// then in this order): most mentioned first; equally mentioned ones keep the story's order (first named first).
public enum EntityRanking {
    /// `entities` most mentioned first; ties in their given order.
    public static func ranked(_ entities: [Entity]) -> [Entity] {
        rankedIndices(entities).map { entities[$0] }
    }

    /// The indices of `entities` in `ranked` order (the entities themselves are not copied to sort them).
    static func rankedIndices(_ entities: [Entity]) -> [Int] {
        entities.indices.sorted { a, b in
            entities[a].mentions != entities[b].mentions ? entities[a].mentions > entities[b].mentions : a < b
        }
    }

    /// The names a story's list row shows: the canonical names of its `count` highest-ranked entities, leaving out
    /// one-word MISC names (nationality and other adjectives: `Russian`, `European`), which say nothing about
    /// what the story is about.
    public static func topNames(_ entities: [Entity], count: Int = 3) -> [String] {
        var names: [String] = []
        for e in rankedIndices(entities) where !isAdjective(entities[e]) {
            guard names.count < count else { break }
            let name = entities[e].canonicalName.isEmpty ? entities[e].name : entities[e].canonicalName
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// A MISC name of one word (`Russian`, `European`, `Sudanese`): a nationality or other adjective.
    public static func isAdjective(_ entity: Entity) -> Bool {
        entity.type == .group && !entity.name.contains(" ") && !entity.canonicalName.contains(" ")
    }
}
