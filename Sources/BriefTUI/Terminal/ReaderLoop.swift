/// The app loop: draws the state, turns terminal events into operations, runs effects and feeds their
/// results back. Constructed with its terminal, so tests can run it on a fake one.
struct ReaderLoop {
    let terminal: ReaderTerminal
    let perform: (ReaderEffect) -> [ReaderOperation]
    var keymap: Keymap = .standard
    var config = ReaderConfig()
    /// Messages about the config file, shown in the status bar at start.
    var configProblems: [String] = []
    /// Starts an effect in the background if it is one that runs there (the feed refresh), posting its
    /// results to the inbox; returns false for effects `perform` runs at once.
    var background: ((ReaderEffect, OperationInbox) -> Bool)?
    let inbox = OperationInbox()

    /// Runs until the reader quits or input ends; returns the final state.
    @discardableResult
    func run() -> ReaderState {
        let theme = config.applying(to: Theme(mode: terminal.colorMode))
        let keys = keymap == .standard ? config.keymap : keymap
        var (state, effects) = Reader.start(size: terminal.size, theme: theme, keymap: keys)
        state.openMarksRead = config.openMarksRead
        if config.mouse { terminal.enableMouse() }
        settle(&state, effects)
        if let first = configProblems.first {
            state.status = configProblems.count > 1 ? "\(first) (and \(configProblems.count - 1) more)" : first
        }
        var polling = false
        // Idle ticks (a few a second) draw nothing unless something changed; a frame is a view over the state.
        var needsDraw = true
        while !state.isFinished {
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
            case .tick, .unknown: operation = nil
            }
            guard let operation else { continue }
            let (next, effects) = Reader.update(state, operation)
            state = next
            settle(&state, effects)
            needsDraw = true
        }
        return state
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
