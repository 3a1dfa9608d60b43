/// The terminal as the app loop needs it, so the loop can run on a fake in tests.
public protocol ReaderTerminal: AnyObject {
    var size: ScreenSize { get }
    var colorMode: ColorMode { get }
    /// Shows `grid`, sending only what changed since the last frame.
    func draw(_ grid: CellGrid)
    /// Waits for the next key or resize, at most a quarter of a second (a tenth while polling): then `.tick`.
    func nextEvent() -> TerminalEvent
    /// Forgets the last frame so the next draw repaints everything.
    func invalidate()
    /// While on, `nextEvent` ticks sooner, so background results show promptly.
    func setPolling(_ on: Bool)
    /// Reports mouse wheel turns as `.wheel` events.
    func enableMouse()
    /// Hands the terminal back for `body` (a text-mode browser), then takes it again and repaints.
    func suspended<T>(_ body: () throws -> T) rethrows -> T
    /// Puts `text` on the clipboard through the terminal (OSC 52; ignored where unsupported).
    func copyToClipboard(_ text: String)
}

extension ReaderTerminal {
    public func setPolling(_ on: Bool) {}
    public func enableMouse() {}
    public func suspended<T>(_ body: () throws -> T) rethrows -> T { try body() }
    public func copyToClipboard(_ text: String) {}
}
