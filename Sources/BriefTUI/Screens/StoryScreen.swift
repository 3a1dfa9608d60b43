/// Draws the open story: its layout from the top line, the focused mention reversed.
enum StoryScreen {
    static func draw(_ state: ReaderState, into grid: inout CellGrid) {
        let theme = state.theme
        let height = state.bodyHeight
        guard let page = state.page else { return }
        let source = page.stored.map { ListScreen.sourceName($0.summary.source) } ?? ""
        var position = ""
        if let layout = page.layout {
            let count = layout.lines.count
            if count <= height { position = "All " }
            else if page.top == 0 { position = "Top " }
            else if page.top >= count - height { position = "End " }
            else { position = "\(min(99, (page.top + height) * 100 / max(1, count)))% " }
        }
        Chrome.drawTitle(" Brief › " + source, right: position, into: &grid, theme: theme)
        let hints = " q back · ? keys · Tab names · ]/[ sections · E entities"
        Chrome.drawStatus(state.status.map { " " + $0 } ?? hints, into: &grid, theme: theme)

        guard let layout = page.layout else {
            grid.write("Loading…", x: 1, y: 1, style: .plain)
            return
        }
        let margin = Reader.storyMargin(width: grid.width)
        let end = min(layout.lines.count, page.top + height)
        guard page.top < end else { return }
        for index in page.top..<end {
            var x = margin
            for glyph in layout.lines[index].glyphs {
                var style = glyph.style
                if let focus = page.focus, glyph.mention == focus { style = style.merged(with: theme.focus) }
                x = grid.write(String(glyph.character), x: x, y: 1 + index - page.top, style: style)
            }
        }
    }
}
