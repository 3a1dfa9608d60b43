/// The keys screen (its lines are `HelpLines`).
enum HelpScreen {
    static func draw(_ cursor: Cursor, _ state: ReaderState, into grid: inout CellGrid) {
        Chrome.drawTitle(" Brief › Keys", into: &grid, theme: state.theme)
        Chrome.drawStatus(state.status.map { " " + $0 } ?? " q or ? closes · j/k scroll", into: &grid, theme: state.theme)
        let lines = HelpLines.lines(state.keymap, theme: state.theme)
        let end = min(lines.count, cursor.top + state.bodyHeight)
        guard cursor.top >= 0, cursor.top < end else { return }
        for index in cursor.top..<end { grid.write(lines[index], x: 1, y: 1 + index - cursor.top) }
    }
}
