import BriefModel
import BriefStore

/// The library's entities, most mentioned first, with the type and name filters in the title bar.
enum EntityIndexScreen {
    static func draw(_ index: EntityIndexState, _ state: ReaderState, into grid: inout CellGrid) {
        let theme = state.theme
        var title = " Brief › Entities · \(index.type?.displayName ?? "All types")"
        if !index.nameFilter.isEmpty { title += " · “\(index.nameFilter)”" }
        Chrome.drawTitle(title, right: index.hasLoaded ? "\(index.entities.count) " : "", into: &grid, theme: theme)
        Chrome.drawStatus(state.status.map { " " + $0 } ?? " Enter opens · t type · / filter · Esc clears · q back",
                          into: &grid, theme: theme)
        guard grid.height > 3 else { return }
        let wide = grid.width >= 60
        var header = "  Mentions Stories  "
        if wide { header += "Type          " }
        grid.write(TextFit.truncate(header + "Name", to: grid.width - 1), x: 1, y: 1, style: theme.sectionHeading)
        if index.entities.isEmpty {
            let message = !index.hasLoaded ? "Loading…"
                : index.nameFilter.isEmpty && index.type == nil ? "No entities tagged yet."
                : "No entities match. Esc clears the filter, t changes the type."
            grid.write(TextFit.truncate(message, to: grid.width - 2), x: 1, y: 2, style: .plain)
            return
        }
        let height = max(1, state.bodyHeight - 1)
        let end = min(index.entities.count, index.cursor.top + height)
        guard index.cursor.top < end else { return }
        for row in index.cursor.top..<end {
            let entity = index.entities[row]
            let y = 2 + row - index.cursor.top
            var x = grid.write(pad(entity.mentions, 10) + pad(entity.stories, 8) + "  ", x: 1, y: y, style: theme.date)
            if wide { x = grid.write(TextFit.pad(entity.type.displayName, to: 14), x: x, y: y, style: theme.topEntities) }
            grid.write(TextFit.truncate(TerminalText.sanitize(entity.canonicalName, keepNewlines: false), to: grid.width - x - 1),
                       x: x, y: y, style: theme.entity(entity.type))
            if row == index.cursor.selected {
                grid.restyle(Rect(x: 0, y: y, width: grid.width, height: 1)) { $0.merged(with: theme.selection) }
            }
        }
    }

    private static func pad(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
