import BriefModel
import BriefStore
import Foundation

/// Draws the story list: counts in the title bar, one row per story, the selection reversed.
enum ListScreen {
    static func draw(_ state: ReaderState, into grid: inout CellGrid) {
        let theme = state.theme
        var title = " Brief · \(state.unreadCount) unread of \(state.totalCount)"
        if state.unreadOnly { title += " · unread only" }
        Chrome.drawTitle(title, into: &grid, theme: theme)
        let hints = " Enter open · q quit · ? keys · r read · U unread only · A all read"
        Chrome.drawStatus(state.status.map { " " + $0 } ?? hints, into: &grid, theme: theme)

        let height = state.bodyHeight
        if state.stories.isEmpty {
            let message = !state.hasLoaded ? "Loading…"
                : state.unreadOnly ? "No unread stories. U shows them all."
                : "No stories yet. Add some with `brief import PATH`."
            grid.write(TextFit.truncate(message, to: grid.width - 1), x: 1, y: 1, style: .plain)
            return
        }
        let end = min(state.stories.count, state.listTop + height)
        guard state.listTop < end else { return }
        for index in state.listTop..<end {
            let y = 1 + index - state.listTop
            drawRow(state.stories[index], y: y, width: grid.width, theme: theme, into: &grid)
            if state.stories[index].id == state.selectedID {
                grid.restyle(Rect(x: 0, y: y, width: grid.width, height: 1)) { $0.merged(with: theme.selection) }
            }
        }
    }

    /// ` ● 2026-11-28  source          Headline  Top, Entities`; narrow screens drop the source, then the date.
    static func drawRow(_ story: StorySummary, y: Int, width: Int, theme: Theme, into grid: inout CellGrid) {
        if !story.isRead { grid.write("●", x: 1, y: y, style: theme.unreadMarker) }
        var x = 3
        if width >= 40 {
            grid.write(StoryDates.format(story.published ?? story.importedAt), x: x, y: y, style: theme.date)
            x += 12
        }
        if width >= 70 {
            let source = TextFit.pad(sourceName(story.source), to: 14)
            grid.write(source, x: x, y: y, style: theme.source)
            x += 16
        }
        let room = width - x - 1
        guard room > 0 else { return }
        let headline = TextFit.truncate(TerminalText.sanitize(story.title, keepNewlines: false), to: room)
        x = grid.write(headline, x: x, y: y, style: story.isRead ? theme.readTitle : theme.unreadTitle)
        let entities = story.topEntities.map { TerminalText.sanitize($0, keepNewlines: false) }.joined(separator: ", ")
        let entityRoom = width - x - 3
        if !entities.isEmpty, entityRoom >= 8 {
            grid.write(TextFit.truncate(entities, to: entityRoom), x: x + 2, y: y, style: theme.topEntities)
        }
    }

    /// A file path shows as its file name without extension; a feed title shows as it is.
    static func sourceName(_ source: String) -> String {
        let clean = TerminalText.sanitize(source, keepNewlines: false)
        guard clean.contains("/") else { return clean }
        let name = (clean as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        return stem.isEmpty ? name : stem
    }
}
