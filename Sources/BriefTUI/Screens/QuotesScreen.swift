/// The story's quotes with their speakers, over the story, the selected quote reversed (its lines are
/// `QuotesPanelLines`).
enum QuotesScreen {
    static func draw(_ cursor: Cursor, over page: StoryPage, _ state: ReaderState, into grid: inout CellGrid) {
        let theme = state.theme
        let hints = " Enter goes to the quote · j/k choose · \" or Esc closes"
        Chrome.drawTitle(" Brief › Quotes in this story", into: &grid, theme: theme)
        Chrome.drawStatus(state.status.map { " " + $0 } ?? hints, into: &grid, theme: theme)
        let area = Rect(x: 1, y: 1, width: grid.width - 1, height: state.bodyHeight)
        let content = QuotesPanelLines(page.stored, width: state.size.width - 2, theme: theme)
        let selected = content.rows.indices.contains(cursor.selected) ? content.rows[cursor.selected] : 0..<0
        let end = min(content.lines.count, cursor.top + area.height)
        guard cursor.top < end else { return }
        for index in cursor.top..<end {
            let y = area.y + index - cursor.top
            grid.write(content.lines[index], x: area.x, y: y, clip: area)
            if selected.contains(index) {
                grid.restyle(Rect(x: area.x, y: y, width: area.width, height: 1)) { $0.merged(with: theme.selection) }
            }
        }
    }
}
