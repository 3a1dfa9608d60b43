/// The app loop: draws the state, turns terminal events into operations, runs effects and feeds their
/// results back. Constructed with its terminal, so tests can run it on a fake one.
struct ReaderLoop {
    let terminal: ReaderTerminal
    let perform: (ReaderEffect) -> [ReaderOperation]
    var keymap: Keymap = .standard
    var config = ReaderConfig()
    /// Messages about the config file, shown in the status bar at start.
    var configProblems: [String] = []
    /// The cache is read-only (`ReaderState.readOnly`).
    var readOnly = false
    /// Starts an effect in the background if it is one that runs there (the feed refresh), posting its
    /// results to the inbox; returns false for effects `perform` runs at once.
    var background: ((ReaderEffect, OperationInbox) -> Bool)?
    let inbox = OperationInbox()
    /// The time `refresh_minutes` is counted in (a test's own clock can jump ahead).
    var now: () -> ContinuousClock.Instant = { ContinuousClock.now }

    /// Runs until the reader quits or input ends; returns the final state.
    @discardableResult
    func run() -> ReaderState {
        let theme = config.applying(to: Theme(mode: terminal.colorMode))
        let keys = keymap == .standard ? config.keymap : keymap
        var (state, effects) = Reader.start(size: terminal.size, theme: theme, keymap: keys)
        state.openMarksRead = config.openMarksRead
        state.confirmQuit = config.confirmQuit
        state.readOnly = readOnly
        if config.mouse { terminal.enableMouse() }
        settle(&state, effects)
        if let first = configProblems.first {
            state.status = configProblems.count > 1 ? "\(first) (and \(configProblems.count - 1) more)" : first
        } else if readOnly {
            state.status = "Read-only cache: reading only, marks and stars are not saved"
        }
        var polling = false
        // Idle ticks (a few a second) draw nothing unless something changed; a frame is a view over the state.
        var needsDraw = true
        // The refresh timer (`refresh_minutes`) runs on ticks; `refresh_on_start` refreshes once at once.
        // A read-only cache is never refreshed on its own (`R` says why).
        let period = readOnly ? nil : config.refreshMinutes.map { Duration.seconds($0 * 60) }
        var nextRefresh = period.map { now() + $0 }
        if config.refreshOnStart, !readOnly { apply(.refresh, to: &state) }
        while !state.isFinished {
            if let due = nextRefresh, let period, now() >= due {
                nextRefresh = now() + period
                if !state.isRefreshing {
                    apply(.refresh, to: &state)
                    needsDraw = true
                }
            }
            for result in inbox.drain() {
                let (next, more) = Reader.update(state, result)
                state = next
                settle(&state, more)
                needsDraw = true
            }
            if polling != state.isRefreshing {
                polling = state.isRefreshing
                terminal.setPolling(polling)
            }
            if needsDraw {
                terminal.draw(Reader.view(state))
                needsDraw = false
            }
            let operation: ReaderOperation?
            switch terminal.nextEvent() {
            case let .key(key): operation = Reader.operation(for: key, in: state)
            case let .resize(size): operation = .resize(width: size.width, height: size.height)
            case let .wheel(lines): operation = .wheel(lines)
            case .interrupt, .endOfInput: operation = .quit
            case .redraw:
                terminal.invalidate()
                needsDraw = true
                operation = nil
            case .tick:
                // Each tick looks for other processes' changes (a counter read; the list is read again only when
                // there are some), and draws only when that changed what is shown.
                let before = state
                apply(.tick, to: &state)
                needsDraw = needsDraw || state != before
                operation = nil
            case .unknown: operation = nil
            }
            guard let operation else { continue }
            let (next, effects) = Reader.update(state, operation)
            state = next
            settle(&state, effects)
            needsDraw = true
        }
        return state
    }

    /// Applies one operation and runs the effects it asks for.
    private func apply(_ operation: ReaderOperation, to state: inout ReaderState) {
        let (next, effects) = Reader.update(state, operation)
        state = next
        settle(&state, effects)
    }

    /// Runs effects (and the effects their results cause) until none are left.
    private func settle(_ state: inout ReaderState, _ effects: [ReaderEffect]) {
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            if let background, background(effect, inbox) { continue }
            for result in perform(effect) {
                let (next, more) = Reader.update(state, result)
                state = next
                queue += more
            }
        }
    }
}
