import BriefLayout
import BriefModel
/// Draws the open story: its layout from the top line, the focused mention reversed.
enum StoryScreen {
    static func draw(_ page: StoryPage, _ state: ReaderState, into grid: inout CellGrid) {
        let theme = state.theme
        let height = state.bodyHeight
        // The header says where the story comes from: its feed, and the link `o` opens (shortened to fit).
        let source = page.stored.map { $0.feedTitle ?? ListScreen.sourceName($0.summary.source) } ?? ""
        var position = ""
        if let layout = page.layout {
            let count = layout.lines.count
            if count <= height { position = "All " }
            else if page.scroll.top == 0 { position = "Top " }
            else if page.scroll.top >= count - height { position = "End " }
            else { position = "\(min(99, (page.scroll.top + height) * 100 / max(1, count)))% " }
        }
        let star = page.stored?.summary.isStarred == true ? " ★" : ""
        var title = " Brief › " + TerminalText.sanitize(source, keepNewlines: false) + star
        if let link = page.stored?.link {
            let room = grid.width - DisplayWidth.of(position) - 1 - DisplayWidth.of(title) - 3
            if room >= 12 { title += " · " + LinkText.short(link, width: room) }
        }
        Chrome.drawTitle(title, right: position, into: &grid, theme: theme)
        let hints = " q back · ? keys · Tab names · Enter page · / search · ]/[ sections · E entities"
        Chrome.drawStatus(state.status.map { " " + $0 } ?? hints, into: &grid, theme: theme)

        guard let layout = page.layout else {
            grid.write("Loading…", x: 1, y: 1, style: .plain)
            return
        }
        let textArea = state.isPanelBeside ? grid.width - ReaderState.panelWidth - 1 : grid.width
        let margin = Reader.storyMargin(width: textArea)
        var matchStyles: [Int: [(Range<Int>, Bool)]] = [:]
        for (number, match) in page.matches.enumerated() where match.line >= page.scroll.top && match.line < page.scroll.top + height {
            matchStyles[match.line, default: []].append((match.start..<match.end, number == page.matchIndex))
        }
        let end = min(layout.lines.count, page.scroll.top + height)
        guard page.scroll.top < end else { return }
        // Graphemes come in runs of one style: look each run's up in the theme once.
        var role = TextStyle.plain, look = theme.style(.plain)
        for index in page.scroll.top..<end {
            var x = margin
            let matches = matchStyles[index] ?? []
            for (position, glyph) in layout.lines[index].glyphs.enumerated() {
                if glyph.style != role {
                    role = glyph.style
                    look = theme.style(role)
                }
                var style = look
                if let focus = page.focus, glyph.mention == focus { style = style.merged(with: theme.focus) }
                if let match = matches.first(where: { $0.0.contains(position) }) {
                    style = style.merged(with: match.1 ? theme.currentMatch : theme.match)
                }
                x = grid.write(String(glyph.character), x: x, y: 1 + index - page.scroll.top, style: style)
            }
        }
    }
}
