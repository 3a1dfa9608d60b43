import CNcursesw
import Foundation

/// The only code that touches curses: checks that there is a real terminal, sets it up, copies the cells
/// that changed since the last frame, reads keys, and gives the terminal back on every exit path.
final class CursesTerminal: ReaderTerminal {
    let colorMode: ColorMode
    private let screen: OpaquePointer
    private var previous: CellGrid?
    private var pairs: [ColorPairKey: Int16] = [:]
    private var failedReads = 0
    private var isOpen = true

    private struct ColorPairKey: Hashable {
        var foreground: TerminalColor
        var background: TerminalColor
    }

    /// Opens the terminal on stdin/stdout, or throws `TerminalError` saying why it cannot.
    static func open(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> CursesTerminal {
        try check(environment: environment)
        guard let screen = brief_newterm() else {
            throw TerminalError("could not start the terminal \"\(environment["TERM"] ?? "")\"")
        }
        return CursesTerminal(screen: screen, environment: environment)
    }

    /// Throws `TerminalError` unless stdin and stdout are a terminal whose type is known and can move the
    /// cursor. Checked before curses starts, because curses would "succeed" and write escapes into a pipe.
    static func check(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        setlocale(LC_ALL, "")
        guard isatty(0) == 1, isatty(1) == 1 else { throw TerminalError.notATerminal }
        let term = environment["TERM"] ?? ""
        var status: Int32 = 0
        guard !term.isEmpty, setupterm(nil, 1, &status) == OK else {
            throw TerminalError("the terminal type \"\(term)\" is unknown (check TERM); use `brief list` / `brief show` instead")
        }
        guard brief_has_cursor_addressing() != 0 else {
            throw TerminalError("the terminal \"\(term)\" cannot move the cursor; use `brief list` / `brief show` instead")
        }
    }

    private init(screen: OpaquePointer, environment: [String: String]) {
        self.screen = screen
        brief_install_signal_handlers()
        raw()
        noecho()
        nonl()
        keypad(brief_stdscr(), true)
        set_escdelay(25)
        wtimeout(brief_stdscr(), Self.idleTimeout)
        curs_set(0)
        var colors = 0
        if has_colors() {
            start_color()
            use_default_colors()
            colors = Int(brief_colors())
        }
        colorMode = ColorMode.detect(environment: environment, colors: colors)
    }

    deinit { close() }

    /// Gives the terminal back (cursor, modes, screen contents). Safe to call twice.
    func close() {
        guard isOpen else { return }
        isOpen = false
        curs_set(1)
        endwin()
        delscreen(screen)
        brief_default_signal_handlers()
    }

    var size: ScreenSize {
        var rows: Int32 = 0, cols: Int32 = 0
        brief_size(&rows, &cols)
        return ScreenSize(width: Int(cols), height: Int(rows))
    }

    func invalidate() {
        previous = nil
        clearok(brief_stdscr(), true)
    }

    func draw(_ grid: CellGrid) {
        if let previous, previous.width != grid.width || previous.height != grid.height { invalidate() }
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                guard let cell = grid[x, y], !cell.isContinuation else { continue }
                if let previous, previous[x, y] == cell, cell.width == 1 || previous[x + 1, y] == grid[x + 1, y] {
                    continue
                }
                // A wide grapheme that would hang off the right edge is shown as a blank.
                let text = cell.width == 2 && x + 1 >= grid.width ? " " : cell.grapheme
                let (attributes, pair) = attributes(for: cell.style)
                _ = text.withCString { brief_put(Int32(y), Int32(x), $0, attributes, pair) }
            }
        }
        wnoutrefresh(brief_stdscr())
        doupdate()
        previous = grid
    }

    /// Reads wait at most this long (milliseconds) before a `.tick`, so a resize whose SIGWINCH curses missed is
    /// caught and the loop can look for outside changes; an idle tick costs a system call and no drawing.
    private static let idleTimeout: Int32 = 250

    func setPolling(_ on: Bool) {
        wtimeout(brief_stdscr(), on ? 100 : Self.idleTimeout)
    }

    func enableMouse() {
        // Only the wheel (buttons 4 and 5 pressed); clicks stay the terminal's, for selecting text.
        _ = mousemask(Self.wheelUp | Self.wheelDown, nil)
        mouseinterval(0)
    }

    func suspended<T>(_ body: () throws -> T) rethrows -> T {
        def_prog_mode()
        endwin()
        // Ctrl-C belongs to the browser meanwhile (as `system()` does it); the browser's own process starts with
        // default signal handling.
        brief_ignore_interrupts()
        defer {
            brief_install_signal_handlers()
            reset_prog_mode()
            invalidate()
            refresh()
        }
        return try body()
    }

    func copyToClipboard(_ text: String) {
        // Straight to the terminal: curses has flushed its frame, and the sequence draws nothing.
        FileHandle.standardOutput.write(Data(Self.osc52(text).utf8))
    }

    /// The OSC 52 sequence that sets the clipboard to `text`.
    static func osc52(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }

    // BUTTON4_PRESSED and BUTTON5_PRESSED for ncurses' mouse version 2 (function-like macros in C).
    private static let wheelUp: mmask_t = 0o2 << 15
    private static let wheelDown: mmask_t = 0o2 << 20

    func nextEvent() -> TerminalEvent {
        var input: wint_t = 0
        let started = ContinuousClock.now
        let result = wget_wch(brief_stdscr(), &input)
        if result == KEY_CODE_YES {
            failedReads = 0
            switch Int32(input) {
            case KEY_MOUSE:
                var event = MEVENT()
                guard getmouse(&event) == OK else { return .unknown }
                if event.bstate & Self.wheelUp != 0 { return .wheel(-3) }
                if event.bstate & Self.wheelDown != 0 { return .wheel(3) }
                return .unknown
            case KEY_RESIZE: return .resize(size)
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_ENTER: return .key(.enter)
            case KEY_BTAB: return .key(.backTab)
            case KEY_BACKSPACE: return .key(.backspace)
            default: return .unknown
            }
        }
        guard result == OK else {
            // A read that waited its time out is a tick (or a resize curses missed); one that failed at once
            // means input is gone.
            if ContinuousClock.now - started >= .milliseconds(50) {
                failedReads = 0
                if let resized = missedResize() { return .resize(resized) }
                return .tick
            }
            // Reads only fail at once when input is gone; stop rather than spin.
            failedReads += 1
            return failedReads > 20 ? .endOfInput : .unknown
        }
        failedReads = 0
        switch input {
        case 3: return .interrupt
        case 12: return .redraw
        case 10, 13: return .key(.enter)
        case 9: return .key(.tab)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        default:
            guard let scalar = Unicode.Scalar(UInt32(input)), !CellGrid.isUnsafe(scalar) else { return .unknown }
            return .key(.character(Character(scalar)))
        }
    }

    /// The kernel's terminal size when curses still has another one: a SIGWINCH that arrived just before a read
    /// began is only seen at the next key. Tells curses (which then also queues a KEY_RESIZE) and returns the size.
    private func missedResize() -> ScreenSize? {
        var rows: Int32 = 0, cols: Int32 = 0
        brief_tty_size(&rows, &cols)
        guard rows > 0, cols > 0 else { return nil }
        let current = size
        guard Int(rows) != current.height || Int(cols) != current.width else { return nil }
        resizeterm(rows, cols)
        return size
    }

    private func attributes(for style: CellStyle) -> (attr_t, Int16) {
        var attributes: attr_t = 0
        if style.bold { attributes |= brief_attr_bold() }
        if style.underline { attributes |= brief_attr_underline() }
        if style.reverse { attributes |= brief_attr_reverse() }
        if style.dim { attributes |= brief_attr_dim() }
        return (attributes, pair(foreground: style.foreground, background: style.background))
    }

    /// Colour pairs are allocated as styles first use them; pair 0 is the terminal's own colours.
    private func pair(foreground: TerminalColor, background: TerminalColor) -> Int16 {
        guard colorMode != .monochrome, foreground != .terminalDefault || background != .terminalDefault else { return 0 }
        let key = ColorPairKey(foreground: foreground, background: background)
        if let known = pairs[key] { return known }
        let next = pairs.count + 1
        guard next < Int(brief_color_pairs()), next <= Int(Int16.max) else { return 0 }
        let number = Int16(next)
        init_pair(number, colorNumber(foreground), colorNumber(background))
        pairs[key] = number
        return number
    }

    private func colorNumber(_ color: TerminalColor) -> Int16 {
        switch color {
        case .terminalDefault: -1
        case .basic(let n): Int16(n % 8)
        case .palette(let n): brief_colors() >= 256 ? Int16(n) : Int16(n % 8)
        }
    }
}
