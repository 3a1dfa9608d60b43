/// The story's entities grouped by type, most mentioned first, with the selected one reversed (its lines
/// are `EntityPanelLines`): a panel beside the story on wide screens, over it on narrow ones.
enum EntityScreen {
    static func draw(_ panel: EntityPanelState, over page: StoryPage, _ state: ReaderState, into grid: inout CellGrid) {
        let theme = state.theme
        let hints = " Enter jumps to the first mention · j/k choose · E or Esc closes"
        if state.isPanelBeside {
            // The story on the left, the panel on the right of a vertical rule.
            StoryScreen.draw(page, state, into: &grid)
            let x = grid.width - ReaderState.panelWidth
            let area = Rect(x: x, y: 1, width: ReaderState.panelWidth, height: state.bodyHeight)
            grid.fill(area, style: .plain)
            for y in 1...max(1, state.bodyHeight) { grid.write("│", x: x - 1, y: y, style: theme.topEntities) }
            grid.write(TextFit.truncate("Entities in this story", to: area.width - 1), x: x, y: 1,
                       style: theme.headline, clip: area)
            drawList(panel, page, state, area: Rect(x: x, y: 2, width: area.width, height: Reader.panelHeight(state)),
                     into: &grid)
            Chrome.drawStatus(state.status.map { " " + $0 } ?? hints, into: &grid, theme: theme)
            return
        }
        Chrome.drawTitle(" Brief › Entities in this story", into: &grid, theme: theme)
        Chrome.drawStatus(state.status.map { " " + $0 } ?? hints, into: &grid, theme: theme)
        drawList(panel, page, state, area: Rect(x: 1, y: 1, width: grid.width - 1, height: Reader.panelHeight(state)),
                 into: &grid)
    }

    private static func drawList(_ panel: EntityPanelState, _ page: StoryPage, _ state: ReaderState, area: Rect,
                                 into grid: inout CellGrid) {
        let content = EntityPanelLines(page.stored, theme: state.theme)
        let selectedLine = content.rows.indices.contains(panel.cursor.selected) ? content.rows[panel.cursor.selected] : nil
        let top = panel.cursor.top
        let end = min(content.lines.count, top + area.height)
        guard top < end else { return }
        for index in top..<end {
            let y = area.y + index - top
            grid.write(content.lines[index], x: area.x, y: y, clip: area)
            if index == selectedLine {
                grid.restyle(Rect(x: area.x, y: y, width: area.width, height: 1)) { $0.merged(with: state.theme.selection) }
            }
        }
    }
}
