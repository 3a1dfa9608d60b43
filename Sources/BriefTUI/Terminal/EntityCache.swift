import BriefStore
import BriefTagger
import Foundation

/// The library's entity list, read from the store once and filtered in memory: every `t` and every letter
/// typed into the name filter would otherwise aggregate the whole cache again. Emptied when feeds are
/// refreshed (the only way the cache grows while the reader runs).
final class EntityCache {
    private var all: [EntitySummary]?

    /// Every entity, most mentioned first.
    func entities(_ store: Store) throws -> [EntitySummary] {
        if let all { return all }
        let loaded = try store.entities()
        all = loaded
        return loaded
    }

    /// Entities of `type` (or all) whose name contains `filter` (ignoring case and accents), as
    /// `Store.entities(type:nameFilter:)` would return them.
    func entities(_ store: Store, type: EntityType?, filter: String) throws -> [EntitySummary] {
        let trimmed = filter.trimmingCharacters(in: .whitespaces)
        return try entities(store).filter { entity in
            (type == nil || entity.type == type)
                && (trimmed.isEmpty || entity.name.range(of: trimmed, options: [.caseInsensitive, .diacriticInsensitive]) != nil)
        }
    }

    func forget() { all = nil }
}
