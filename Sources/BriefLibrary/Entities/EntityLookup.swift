import BriefStore
import Foundation

/// Finds the entity a person means by a name typed on the command line.
public enum EntityLookup {
    /// The outcome of looking a name up.
    public enum Match: Hashable, Sendable {
        case found(EntitySummary)
        case none
        /// More than one entity contains the text; the candidates, most mentioned first.
        case ambiguous([EntitySummary])
    }

    /// `name` matches an entity's key, else its exact name, canonical name or a known alias (ignoring case), else a
    /// unique case-insensitive substring of its name or canonical name. `entities` should be most mentioned first (as `Store.entities` returns them).
    public static func find(_ name: String, in entities: [EntitySummary]) -> Match {
        let wanted = name.trimmingCharacters(in: .whitespaces)
        guard !wanted.isEmpty else { return .none }
        if let byKey = entities.first(where: { $0.key == wanted }) { return .found(byKey) }
        func same(_ text: String) -> Bool { text.compare(wanted, options: [.caseInsensitive]) == .orderedSame }
        let exact = entities.filter { same($0.name) || same($0.canonicalName) || $0.knownAliases.contains(where: same) }
        if exact.count == 1, let only = exact.first { return .found(only) }
        if exact.count > 1 { return .ambiguous(exact) }
        func contains(_ text: String) -> Bool {
            text.range(of: wanted, options: [.caseInsensitive, .diacriticInsensitive]) != nil
        }
        let partial = entities.filter { contains($0.name) || contains($0.canonicalName) }
        if partial.count == 1, let only = partial.first { return .found(only) }
        return partial.isEmpty ? .none : .ambiguous(partial)
    }
}
