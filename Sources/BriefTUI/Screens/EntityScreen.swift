import BriefModel
import BriefStore
import BriefTagger

/// The story's entities grouped by type, most mentioned first, with the selected one reversed:
/// a panel beside the story on wide screens, over it on narrow ones.
enum EntityScreen {
    /// The panel's lines and, for each entity (in `Reader.panelEntities` order), the line it is on.
    static func lines(_ stored: StoredStory?, theme: Theme) -> (lines: [[StyledSpan]], rows: [Int]) {
        let entities = Reader.panelEntities(stored)
        guard !entities.isEmpty else { return ([[StyledSpan("No entities tagged in this story.")]], []) }
        var lines: [[StyledSpan]] = []
        var rows: [Int] = []
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
                          StyledSpan(TerminalText.sanitize(entity.name, keepNewlines: false), theme.entity(entity.type)),
                          StyledSpan("  ×\(entity.mentions)", theme.topEntities)])
        }
        return (lines, rows)
    }

    /// The panel line holding entity number `index`.
    static func line(ofEntity index: Int, in stored: StoredStory?) -> Int {
        let rows = lines(stored, theme: Theme(mode: .monochrome)).rows
        return rows.indices.contains(index) ? rows[index] : 0
    }

    static func draw(_ state: ReaderState, into grid: inout CellGrid) {
        let theme = state.theme
        let hints = " Enter jumps to the first mention · j/k choose · E or Esc closes"
        if state.isPanelBeside {
            // The story on the left, the panel on the right of a vertical rule.
            StoryScreen.draw(state, into: &grid)
            let x = grid.width - ReaderState.panelWidth
            let area = Rect(x: x, y: 1, width: ReaderState.panelWidth, height: state.bodyHeight)
            grid.fill(area, style: .plain)
            for y in 1...max(1, state.bodyHeight) { grid.write("│", x: x - 1, y: y, style: theme.topEntities) }
            grid.write(TextFit.truncate("Entities in this story", to: area.width - 1), x: x, y: 1,
                       style: theme.headline, clip: area)
            drawList(state, area: Rect(x: x, y: 2, width: area.width, height: max(0, area.height - 1)), into: &grid)
            Chrome.drawStatus(state.status.map { " " + $0 } ?? hints, into: &grid, theme: theme)
            return
        }
        Chrome.drawTitle(" Brief › Entities in this story", into: &grid, theme: theme)
        Chrome.drawStatus(state.status.map { " " + $0 } ?? hints, into: &grid, theme: theme)
        drawList(state, area: Rect(x: 1, y: 1, width: grid.width - 1, height: state.bodyHeight), into: &grid)
    }

    private static func drawList(_ state: ReaderState, area: Rect, into grid: inout CellGrid) {
        let (lines, rows) = lines(state.page?.stored, theme: state.theme)
        let selectedLine = rows.indices.contains(state.panelSelection) ? rows[state.panelSelection] : nil
        var top = state.overlayTop
        if let selectedLine, selectedLine >= top + area.height { top = selectedLine - area.height + 1 }
        top = max(0, min(top, max(0, lines.count - area.height)))
        let end = min(lines.count, top + area.height)
        guard top < end else { return }
        for index in top..<end {
            let y = area.y + index - top
            grid.write(lines[index], x: area.x, y: y, clip: area)
            if index == selectedLine {
                grid.restyle(Rect(x: area.x, y: y, width: area.width, height: 1)) { $0.merged(with: state.theme.selection) }
            }
        }
    }
}
