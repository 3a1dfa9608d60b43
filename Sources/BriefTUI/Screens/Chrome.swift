import BriefLayout
import BriefModel
/// The title bar and status bar every screen shares.
enum Chrome {
    static func drawTitle(_ left: String, right: String = "", into grid: inout CellGrid, theme: Theme) {
        guard grid.height > 0 else { return }
        let row = Rect(x: 0, y: 0, width: grid.width, height: 1)
        grid.fill(row, style: theme.titleBar)
        let rightText = TerminalText.sanitize(right, keepNewlines: false)
        let rightWidth = DisplayWidth.of(rightText)
        let leftRoom = rightWidth > 0 && grid.width - rightWidth - 1 > 12 ? grid.width - rightWidth - 1 : grid.width
        grid.write(TextFit.truncate(TerminalText.sanitize(left, keepNewlines: false), to: leftRoom),
                   x: 0, y: 0, style: theme.titleBar)
        if leftRoom < grid.width { grid.write(rightText, x: grid.width - rightWidth, y: 0, style: theme.titleBar) }
    }

    static func drawStatus(_ text: String, into grid: inout CellGrid, theme: Theme) {
        guard grid.height > 1 else { return }
        let y = grid.height - 1
        grid.fill(Rect(x: 0, y: y, width: grid.width, height: 1), style: theme.statusBar)
        grid.write(TextFit.truncate(TerminalText.sanitize(text, keepNewlines: false), to: grid.width),
                   x: 0, y: y, style: theme.statusBar)
    }

    /// The prompt line over the status bar: its label, the typed text (its end kept in view) and a cursor.
    static func drawPrompt(_ prompt: Prompt, into grid: inout CellGrid, theme: Theme) {
        guard grid.height > 1 else { return }
        let y = grid.height - 1
        grid.fill(Rect(x: 0, y: y, width: grid.width, height: 1), style: .plain)
        let label = TextFit.truncate(" " + prompt.label, to: max(0, grid.width / 2))
        let x = grid.write(label, x: 0, y: y, style: theme.helpKey)
        var text = TerminalText.sanitize(prompt.text, keepNewlines: false)
        let room = grid.width - x - 1
        while DisplayWidth.of(text) > room, !text.isEmpty { text.removeFirst() }
        let end = grid.write(text, x: x, y: y, style: .plain)
        grid.write(" ", x: end, y: y, style: CellStyle(reverse: true))
    }
}
