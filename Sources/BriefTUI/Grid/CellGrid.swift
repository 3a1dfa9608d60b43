import BriefLayout
/// A screen's worth of cells that views draw into; the terminal backend copies only what changed.
///
/// Every grapheme that enters the grid is checked: control characters and bidi overrides that slipped past
/// `TerminalText.sanitize` become U+FFFD, so nothing drawn can ever act on the terminal.
public struct CellGrid: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, style: CellStyle = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank(style), count: self.width * self.height)
    }

    public init(size: ScreenSize) { self.init(width: size.width, height: size.height) }

    /// The cell at column `x`, row `y`, or nil outside the grid.
    public subscript(x: Int, y: Int) -> Cell? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        return cells[y * width + x]
    }

    /// The whole grid as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Paints every cell of `rect` (clipped to the grid) blank in `style`.
    public mutating func fill(_ rect: Rect, style: CellStyle) {
        let clipped = clip(rect)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { set(x, y, .blank(style)) }
        }
    }

    /// Writes `text` from column `x` on row `y`, clipped to `clip` (default: the whole grid).
    /// Returns the column after the last one written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: CellStyle, clip: Rect? = nil) -> Int {
        let area = self.clip(clip ?? bounds)
        guard y >= area.y, y < area.maxY else { return x }
        var column = x
        for grapheme in text {
            let safe = CellGrid.printable(grapheme)
            let columns = DisplayWidth.of(safe)
            if columns == 0 {
                attachZeroWidth(safe, beforeColumn: column, y: y, area: area)
                continue
            }
            if column + columns > area.maxX { break }
            if column >= area.x { put(safe, width: columns, x: column, y: y, style: style) }
            column += columns
        }
        return column
    }

    /// Writes styled spans one after another from column `x`; returns the column after the last one.
    @discardableResult
    public mutating func write(_ spans: [StyledSpan], x: Int, y: Int, clip: Rect? = nil) -> Int {
        var column = x
        for span in spans { column = write(span.text, x: column, y: y, style: span.style, clip: clip) }
        return column
    }

    /// Applies `change` to the style of every cell of `rect` (e.g. to highlight a selected row).
    public mutating func restyle(_ rect: Rect, _ change: (CellStyle) -> CellStyle) {
        let clipped = clip(rect)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { cells[y * width + x].style = change(cells[y * width + x].style) }
        }
    }

    /// The grid as text, one string per row, trailing blanks trimmed (for tests and captures).
    public var lines: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !cells[y * width + x].isContinuation { line += cells[y * width + x].grapheme }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    // MARK: - Cell writes

    private mutating func put(_ grapheme: Character, width columns: Int, x: Int, y: Int, style: CellStyle) {
        // Overwriting half of a wide grapheme blanks its other half so no cell is left orphaned.
        clearWide(at: x, y: y)
        if columns == 2 { clearWide(at: x + 1, y: y) }
        set(x, y, Cell(grapheme: String(grapheme), width: columns, style: style))
        if columns == 2 { set(x + 1, y, Cell(grapheme: "", width: 0, style: style)) }
    }

    private mutating func clearWide(at x: Int, y: Int) {
        guard let cell = self[x, y] else { return }
        if cell.isContinuation, let left = self[x - 1, y], left.width == 2 {
            set(x - 1, y, .blank(left.style))
        } else if cell.width == 2, let right = self[x + 1, y], right.isContinuation {
            set(x + 1, y, .blank(right.style))
        }
    }

    /// A combining mark on its own joins the grapheme to its left; at the start of a row it is dropped.
    private mutating func attachZeroWidth(_ grapheme: Character, beforeColumn column: Int, y: Int, area: Rect) {
        var x = column - 1
        while x >= area.x, let cell = self[x, y], cell.isContinuation { x -= 1 }
        guard x >= area.x, x < area.maxX, let cell = self[x, y] else { return }
        var joined = cell
        joined.grapheme += String(grapheme)
        set(x, y, joined)
    }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        cells[y * width + x] = cell
    }

    private func clip(_ rect: Rect) -> Rect {
        let x0 = max(0, rect.x), y0 = max(0, rect.y)
        let x1 = min(width, rect.maxX), y1 = min(height, rect.maxY)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// `grapheme` if it is safe to send to a terminal, else U+FFFD.
    static func printable(_ grapheme: Character) -> Character {
        for scalar in grapheme.unicodeScalars where isUnsafe(scalar) { return "\u{FFFD}" }
        return grapheme
    }

    /// Control characters (C0, DEL, C1) and the bidi embedding, override and isolate controls.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            return true
        default:
            return false
        }
    }
}
