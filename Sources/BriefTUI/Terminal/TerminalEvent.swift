/// What the terminal reports to the app loop.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    case resize(ScreenSize)
    /// Ctrl-C (the terminal is in raw mode, so it arrives as a key rather than a signal).
    case interrupt
    /// Ctrl-L: repaint everything.
    case redraw
    /// Input closed.
    case endOfInput
    /// Nothing happened for a while (a quarter of a second; a tenth while polling).
    case tick
    /// The mouse wheel turned by this many lines (negative: up).
    case wheel(Int)
    /// A key the reader does not know.
    case unknown
}
