/// The terminal as the app loop needs it, so the loop can run on a fake in tests.
public protocol ReaderTerminal: AnyObject {
    var size: ScreenSize { get }
    var colorMode: ColorMode { get }
    /// Shows `grid`, sending only what changed since the last frame.
    func draw(_ grid: CellGrid)
    /// Blocks until the next key or resize (or, while polling, at most a tenth of a second: `.tick`).
    func nextEvent() -> TerminalEvent
    /// Forgets the last frame so the next draw repaints everything.
    func invalidate()
    /// While on, `nextEvent` returns `.tick` when no key arrives soon, so background results show promptly.
    func setPolling(_ on: Bool)
    /// Reports mouse wheel turns as `.wheel` events.
    func enableMouse()
}

extension ReaderTerminal {
    public func setPolling(_ on: Bool) {}
    public func enableMouse() {}
}
