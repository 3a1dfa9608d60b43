import BriefLayout
import BriefLibrary
import BriefModel

/// The folders and feeds: each folder, then its feeds indented, then the feeds in no folder; unread and total
/// stories at the right, a feed's last error after its name.
enum FeedsScreen {
    static func draw(_ view: FeedViewState, _ state: ReaderState, into grid: inout CellGrid) {
        let theme = state.theme
        var right = ""
        if let overview = view.overview {
            right = "\(overview.feedCount) feed\(overview.feedCount == 1 ? "" : "s")"
            if !overview.folders.isEmpty {
                right += " in \(overview.folders.count) folder\(overview.folders.count == 1 ? "" : "s")"
            }
            right += " "
        }
        Chrome.drawTitle(" Brief › Feeds", right: right, into: &grid, theme: theme)
        Chrome.drawStatus(state.status.map { " " + $0 } ?? " Enter shows its stories · q back · R refresh · ? keys",
                          into: &grid, theme: theme)
        guard grid.height > 2 else { return }
        guard view.overview != nil, !view.rows.isEmpty else {
            let message = view.overview == nil ? "Loading…"
                : "No feeds yet. Subscribe with `brief feed add URL` or `brief opml import FILE`."
            grid.write(TextFit.truncate(message, to: grid.width - 2), x: 1, y: 1, style: .plain)
            return
        }
        let end = min(view.rows.count, view.cursor.top + state.bodyHeight)
        guard view.cursor.top < end else { return }
        for index in view.cursor.top..<end {
            let y = 1 + index - view.cursor.top
            drawRow(view.rows[index], y: y, width: grid.width, theme: theme, into: &grid)
            if index == view.cursor.selected {
                grid.restyle(Rect(x: 0, y: y, width: grid.width, height: 1)) { $0.merged(with: theme.selection) }
            }
        }
    }

    /// `▸ Folder … 3 unread of 120`; a feed: indented in its folder, with `! error` after its name when its last
    /// fetch failed.
    static func drawRow(_ row: FeedRow, y: Int, width: Int, theme: Theme, into grid: inout CellGrid) {
        let name: String, unread: Int, total: Int, error: String?, x: Int
        switch row {
        case let .folder(folder):
            (name, unread, total, error, x) = ("▸ " + folder.name, folder.unread, folder.total, nil, 1)
        case let .feed(feed, inFolder):
            (name, unread, total, error, x) = (feed.title, feed.unread, feed.total, feed.lastError, inFolder ? 5 : 3)
        }
        let counts = width >= 50 ? "\(unread) unread of \(total)" : "\(unread)/\(total)"
        let countsX = width - DisplayWidth.of(counts) - 1
        let style = row.isFolder ? theme.sectionHeading : unread > 0 ? theme.unreadTitle : theme.readTitle
        if unread > 0, !row.isFolder { grid.write("●", x: x - 2, y: y, style: theme.unreadMarker) }
        let room = countsX - x - 2
        guard room > 0 else { return }
        let end = grid.write(TextFit.truncate(TerminalText.sanitize(name, keepNewlines: false), to: room),
                             x: x, y: y, style: style)
        if let error, countsX - end - 3 >= 8 {
            let text = "! " + TerminalText.sanitize(error, keepNewlines: false)
            grid.write(TextFit.truncate(text, to: countsX - end - 3), x: end + 2, y: y, style: theme.unreadMarker)
        }
        grid.write(counts, x: countsX, y: y, style: theme.date)
    }
}

extension FeedRow {
    var isFolder: Bool { if case .folder = self { true } else { false } }
}
