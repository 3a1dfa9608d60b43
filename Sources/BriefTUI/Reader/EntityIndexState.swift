import BriefStore
import BriefTagger

/// The library-wide entity index: most mentioned first, filtered by type and by name.
public struct EntityIndexState: Hashable, Sendable {
    public var entities: [EntitySummary] = []
    public var hasLoaded = false
    /// Nil shows every type.
    public var type: EntityType?
    public var nameFilter = ""
    /// `selected` indexes `entities`; `top` is the first entity shown.
    public var cursor = Cursor()

    public init() {}

    /// The type after `type` in the cycle All → Person → Organisation → Place → Group → All.
    static func nextType(after type: EntityType?) -> EntityType? {
        let all = EntityType.allCases
        guard let type, let index = all.firstIndex(of: type) else { return all.first }
        return index + 1 < all.count ? all[index + 1] : nil
    }
}
