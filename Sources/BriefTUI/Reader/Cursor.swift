/// Where the reader is in a list or a text view: the selected item (lists) and the first visible line.
/// Every screen moves, pages and keeps its selection in view through this one type.
public struct Cursor: Hashable, Sendable {
    /// The selected item, for views that select (list, panel, entity page, entity index).
    public var selected: Int
    /// The first visible line.
    public var top: Int

    public init(selected: Int = 0, top: Int = 0) {
        self.selected = selected
        self.top = top
    }

    /// Moves the selection among `count` items, a page being `page` items, and keeps it among them.
    mutating func select(_ step: CursorStep, count: Int, page: Int) {
        switch step {
        case .down: selected += 1
        case .up: selected -= 1
        case .pageDown: selected += page
        case .pageUp: selected -= page
        case .top: selected = 0
        case .bottom: selected = count - 1
        }
        clampSelection(count: count)
    }

    /// Keeps the selection among `count` items (on 0 when there are none).
    mutating func clampSelection(count: Int) {
        selected = min(max(0, selected), max(0, count - 1))
    }

    /// Scrolls a text of `lineCount` lines shown `height` at a time; a page keeps one line of the last.
    mutating func scroll(_ step: CursorStep, lineCount: Int, height: Int) {
        let page = max(1, height - 1)
        switch step {
        case .down: top += 1
        case .up: top -= 1
        case .pageDown: top += page
        case .pageUp: top -= page
        case .top: top = 0
        case .bottom: top = lineCount
        }
        clampTop(lineCount: lineCount, height: height)
    }

    /// Scrolls to show `rows` in `height` lines, then keeps the view within the `lineCount` lines. Rows above
    /// the view come in at its top. Rows below it come in at its bottom (their start when they are taller than
    /// the view), or with `fromTop` at its top, lower only as far as their end needs (an entity page brings the
    /// next story up to read it whole).
    mutating func reveal(_ rows: Range<Int>, height: Int, lineCount: Int, fromTop: Bool = false) {
        if rows.lowerBound < top { top = rows.lowerBound }
        if rows.upperBound > top + height {
            top = fromTop ? max(rows.lowerBound, rows.upperBound - height) : min(rows.lowerBound, rows.upperBound - height)
        }
        clampTop(lineCount: lineCount, height: height)
    }

    /// Shows row `row` (see `reveal`).
    mutating func reveal(row: Int, height: Int, lineCount: Int) {
        reveal(row..<row + 1, height: height, lineCount: lineCount)
    }

    /// Keeps the first visible line where a full screen of `height` lines still fits in `lineCount`.
    mutating func clampTop(lineCount: Int, height: Int) {
        top = max(0, min(top, lineCount - height))
    }
}
