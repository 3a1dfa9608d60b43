import BriefLayout
import BriefModel
import BriefStore
import Foundation

/// Draws the story list: counts in the title bar, one row per story, the selection reversed.
enum ListScreen {
    static func draw(_ state: ReaderState, into grid: inout CellGrid) {
        let theme = state.theme
        var title = " Brief"
        if let scope = state.scope.title { title += " › " + TerminalText.sanitize(scope, keepNewlines: false) }
        title += " · \(state.unreadCount) unread of \(state.totalCount)"
        if state.unreadOnly { title += " · unread only" }
        if state.readOnly { title += " · read-only" }
        if let search = state.search { title += " · “\(search)”: \(state.listCount) found" }
        Chrome.drawTitle(title, right: state.isRefreshing ? "refreshing… " : "", into: &grid, theme: theme)
        let hints = state.search != nil ? " Enter open · Esc clears the search · / new search · ? keys"
            : " Enter open · / search · e entities · q quit · ? keys · r read · U unread only · A all read"
        Chrome.drawStatus(state.status.map { " " + $0 } ?? hints, into: &grid, theme: theme)

        let height = state.bodyHeight
        if state.listCount == 0 {
            let message = !state.hasLoaded ? "Loading…"
                : state.search != nil ? "No stories match. Esc clears the search."
                : state.unreadOnly ? "No unread stories. U shows them all."
                : state.scope == .starred ? "No starred stories. s stars one; S shows all."
                : "No stories yet. Add some with `brief import PATH`."
            grid.write(TextFit.truncate(message, to: grid.width - 1), x: 1, y: 1, style: .plain)
            return
        }
        // Rows are drawn from the window loaded (a row not loaded yet stays blank until its window arrives).
        let end = min(state.listCount, state.listTop + height)
        guard state.listTop < end else { return }
        for index in state.listTop..<end {
            guard let story = state.row(at: index) else { continue }
            let y = 1 + index - state.listTop
            drawRow(story, y: y, width: grid.width, theme: theme, into: &grid)
            if story.id == state.selectedID {
                grid.restyle(Rect(x: 0, y: y, width: grid.width, height: 1)) { $0.merged(with: theme.selection) }
            }
        }
    }

    /// `★● 2026-11-28  source          Headline  Top, Entities`; narrow screens drop the source, then the date.
    static func drawRow(_ story: StorySummary, y: Int, width: Int, theme: Theme, into grid: inout CellGrid) {
        if story.isStarred { grid.write("★", x: 0, y: y, style: theme.starMarker) }
        if !story.isRead { grid.write("●", x: 1, y: y, style: theme.unreadMarker) }
        var x = 3
        if width >= 40 {
            grid.write(StoryDates.day(story.published), x: x, y: y, style: theme.date)
            x += 12
        }
        if width >= 70 {
            let source = TextFit.pad(sourceName(story.source), to: 14)
            grid.write(source, x: x, y: y, style: theme.source)
            x += 16
        }
        let entities = story.topEntities.map { TerminalText.sanitize($0, keepNewlines: false) }.joined(separator: ", ")
        let headlineStyle = story.isRead ? theme.readTitle : theme.unreadTitle
        let title = TerminalText.sanitize(story.title, keepNewlines: false)
        if width >= entityColumnWidth {
            // Wide: the entities get their own column at the right.
            let column = min(40, width / 4)
            let room = width - x - column - 3
            guard room > 0 else { return }
            grid.write(TextFit.truncate(title, to: room), x: x, y: y, style: headlineStyle)
            grid.write(TextFit.truncate(entities, to: column), x: width - column - 1, y: y, style: theme.topEntities)
            return
        }
        let room = width - x - 1
        guard room > 0 else { return }
        x = grid.write(TextFit.truncate(title, to: room), x: x, y: y, style: headlineStyle)
        let entityRoom = width - x - 3
        if !entities.isEmpty, entityRoom >= 8 {
            grid.write(TextFit.truncate(entities, to: entityRoom), x: x + 2, y: y, style: theme.topEntities)
        }
    }

    /// Screens at least this wide show the top entities in a column of their own.
    static let entityColumnWidth = 80

    /// A file path shows as its file name without extension; a feed title shows as it is.
    static func sourceName(_ source: String) -> String {
        let clean = TerminalText.sanitize(source, keepNewlines: false)
        guard clean.contains("/") else { return clean }
        let name = (clean as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        return stem.isEmpty ? name : stem
    }
}
