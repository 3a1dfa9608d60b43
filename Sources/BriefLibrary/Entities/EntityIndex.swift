import BriefStore
import BriefTagger
import Foundation

/// The entity index: every entity the cache mentions (`Store.entities()`, most mentioned first), narrowed by type
/// and by a part of the name, as the reader's index and its name filter show it.
public enum EntityIndex {
    /// The entities of `type` (or all) whose name, canonical name or a known alias contains `name` (ignoring case,
    /// accents and surrounding spaces; empty: all), in their given order.
    public static func filter(_ entities: [EntitySummary], type: EntityType?, name: String) -> [EntitySummary] {
        let wanted = name.trimmingCharacters(in: .whitespaces)
        return entities.filter { entity in
            (type == nil || entity.type == type)
                && (wanted.isEmpty || [entity.canonicalName, entity.name].contains(where: { matches($0, wanted) })
                    || entity.knownAliases.contains(where: { matches($0, wanted) }))
        }
    }

    private static func matches(_ text: String, _ wanted: String) -> Bool {
        text.range(of: wanted, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }
}
