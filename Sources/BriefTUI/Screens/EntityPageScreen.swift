import BriefLibrary
import BriefModel
import BriefTagger

/// An entity's page (its lines are `EntityPageLines`), the selected story's first line reversed.
enum EntityPageScreen {
    static func draw(_ page: EntityPageState, _ state: ReaderState, into grid: inout CellGrid) {
        let theme = state.theme
        var name = page.profile.map { "\($0.entity.type.displayName): \($0.entity.canonicalName)" } ?? "Entity"
        if !page.filter.isEmpty { name += " · “\(page.filter)”" }
        let count = page.profile.map { profile in
            let total = profile.storyCount, noun = total == 1 ? "story" : "stories"
            return page.filter.isEmpty ? "\(total) \(noun) " : "\(page.stories.count) of \(total) \(noun) "
        }
        Chrome.drawTitle(" Brief › " + name, right: count ?? "", into: &grid, theme: theme)
        let hints = page.filter.isEmpty ? " Enter opens at the mention · / filter · q back · e index"
            : " Enter opens at the mention · Esc clears the filter · q back"
        Chrome.drawStatus(state.status.map { " " + $0 } ?? hints, into: &grid, theme: theme)
        let content = EntityPageLines.laidOut(page, width: grid.width, theme: theme)
        let height = state.bodyHeight
        let end = min(content.lines.count, page.cursor.top + height)
        guard page.cursor.top < end else { return }
        let selected = content.rows(ofStory: page.cursor.selected)
        for index in page.cursor.top..<end {
            let y = 1 + index - page.cursor.top
            grid.write(content.lines[index], x: 1, y: y)
            if let selected, index == selected.lowerBound {
                grid.restyle(Rect(x: 0, y: y, width: grid.width, height: 1)) { $0.merged(with: theme.selection) }
            }
        }
    }
}
