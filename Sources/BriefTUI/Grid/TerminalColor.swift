/// A colour as the reader asks for it; the terminal backend maps it to what the terminal can show.
public enum TerminalColor: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// One of the eight basic ANSI colours (0 black … 7 white), available on every colour terminal.
    case basic(UInt8)
    /// An entry of the 256-colour palette.
    case palette(UInt8)
}
