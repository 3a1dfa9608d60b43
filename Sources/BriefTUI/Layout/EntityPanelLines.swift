import BriefModel
import BriefStore
import BriefTagger

/// The lines of a story's entity panel: its entities grouped by type, most mentioned first, and the line
/// each entity is on (for selection and scrolling).
struct EntityPanelLines {
    /// The story's entities in the order the panel lists them.
    var entities: [Entity]
    var lines: [[StyledSpan]] = []
    /// For each entity, the line it is on.
    var rows: [Int] = []

    init(_ stored: StoredStory?, theme: Theme) {
        entities = Self.entities(of: stored)
        guard !entities.isEmpty else {
            lines = [[StyledSpan("No entities tagged in this story.")]]
            return
        }
        var lastType: EntityType?
        for entity in entities {
            if entity.type != lastType {
                if !lines.isEmpty { lines.append([]) }
                let count = entities.filter { $0.type == entity.type }.count
                lines.append([StyledSpan("\(entity.type.displayName) (\(count))", theme.sectionHeading)])
                lastType = entity.type
            }
            rows.append(lines.count)
            lines.append([StyledSpan(" "),
                          StyledSpan(TerminalText.sanitize(entity.canonicalName, keepNewlines: false), theme.entity(entity.type)),
                          StyledSpan("  ×\(entity.mentions)", theme.topEntities)])
        }
    }

    /// The panel line holding entity number `index` (0 when there is none).
    func line(ofEntity index: Int) -> Int { rows.indices.contains(index) ? rows[index] : 0 }

    /// The story's entities in the order the panel lists them: by type, then as `EntityRanking` ranks them.
    static func entities(of stored: StoredStory?) -> [Entity] {
        guard let entities = stored?.story.entities else { return [] }
        let ranked = EntityRanking.ranked(entities)
        return EntityType.allCases.flatMap { type in ranked.filter { $0.type == type } }
    }
}
