/// How one cell is drawn: colours plus the attributes that stay legible without colour.
public struct CellStyle: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool

    public init(foreground: TerminalColor = .terminalDefault, background: TerminalColor = .terminalDefault,
                bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    /// Plain text in the terminal's colours.
    public static let plain = CellStyle()

    /// This style with `other`'s attributes added and its colours taking over where it sets them.
    public func merged(with other: CellStyle) -> CellStyle {
        CellStyle(foreground: other.foreground == .terminalDefault ? foreground : other.foreground,
                  background: other.background == .terminalDefault ? background : other.background,
                  bold: bold || other.bold, underline: underline || other.underline,
                  reverse: reverse || other.reverse, dim: dim || other.dim)
    }
}
