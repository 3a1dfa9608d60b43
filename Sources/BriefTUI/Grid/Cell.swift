/// One screen cell: the grapheme shown there, how many columns it takes, and its style.
///
/// A wide grapheme (CJK, emoji) sits in its first cell with `width == 2`; the cell to its right is a
/// continuation (`grapheme == ""`, `width == 0`) that the backend never writes.
public struct Cell: Hashable, Sendable {
    public var grapheme: String
    public var width: Int
    public var style: CellStyle

    public init(grapheme: String = " ", width: Int = 1, style: CellStyle = .plain) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    /// An empty cell in `style`.
    public static func blank(_ style: CellStyle = .plain) -> Cell { Cell(grapheme: " ", width: 1, style: style) }

    /// True for the right half of a wide grapheme.
    public var isContinuation: Bool { width == 0 }
}
