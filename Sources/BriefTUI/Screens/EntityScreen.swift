import BriefModel
import BriefStore
import BriefTagger

/// The story's entities grouped by type, most mentioned first.
enum EntityScreen {
    static func lines(_ stored: StoredStory?, theme: Theme) -> [[StyledSpan]] {
        guard let entities = stored?.story.entities, !entities.isEmpty else {
            return [[StyledSpan("No entities tagged in this story.")]]
        }
        var lines: [[StyledSpan]] = []
        for type in EntityType.allCases {
            let ofType = entities.filter { $0.type == type }
                .sorted { ($0.mentions, $1.name) > ($1.mentions, $0.name) }
            guard !ofType.isEmpty else { continue }
            if !lines.isEmpty { lines.append([]) }
            lines.append([StyledSpan("\(type.displayName) (\(ofType.count))", theme.sectionHeading)])
            for entity in ofType {
                lines.append([StyledSpan("  "),
                              StyledSpan(TerminalText.sanitize(entity.name, keepNewlines: false), theme.entity(type)),
                              StyledSpan("  ×\(entity.mentions)", theme.topEntities)])
            }
        }
        return lines
    }

    static func draw(_ state: ReaderState, into grid: inout CellGrid) {
        Chrome.drawTitle(" Brief › Entities in this story", into: &grid, theme: state.theme)
        Chrome.drawStatus(state.status.map { " " + $0 } ?? " q or E closes · j/k scroll", into: &grid, theme: state.theme)
        HelpScreen.draw(lines(state.page?.stored, theme: state.theme), from: state.overlayTop,
                        height: state.bodyHeight, into: &grid)
    }
}
