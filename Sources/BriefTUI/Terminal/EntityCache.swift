import BriefLibrary
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

    /// Entities of `type` (or all) whose name contains `filter`, as `EntityIndex` narrows them.
    func entities(_ store: Store, type: EntityType?, filter: String) throws -> [EntitySummary] {
        EntityIndex.filter(try entities(store), type: type, name: filter)
    }

    func forget() { all = nil }
}
