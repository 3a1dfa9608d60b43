/// The app loop: draws the state, turns terminal events into operations, runs effects and feeds their
/// results back. Constructed with its terminal, so tests can run it on a fake one.
struct ReaderLoop {
    let terminal: ReaderTerminal
    let perform: (ReaderEffect) -> [ReaderOperation]
    var keymap: Keymap = .standard

    /// Runs until the reader quits or input ends; returns the final state.
    @discardableResult
    func run() -> ReaderState {
        var (state, effects) = Reader.start(size: terminal.size, theme: Theme(mode: terminal.colorMode), keymap: keymap)
        settle(&state, effects)
        while !state.isFinished {
            terminal.draw(Reader.view(state))
            let operation: ReaderOperation?
            switch terminal.nextEvent() {
            case let .key(key): operation = state.keymap.operation(for: key)
            case let .resize(size): operation = .resize(width: size.width, height: size.height)
            case .interrupt, .endOfInput: operation = .quit
            case .redraw:
                terminal.invalidate()
                operation = nil
            case .unknown: operation = nil
            }
            guard let operation else { continue }
            let (next, effects) = Reader.update(state, operation)
            state = next
            settle(&state, effects)
        }
        return state
    }

    /// Runs effects (and the effects their results cause) until none are left.
    private func settle(_ state: inout ReaderState, _ effects: [ReaderEffect]) {
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            for result in perform(effect) {
                let (next, more) = Reader.update(state, result)
                state = next
                queue += more
            }
        }
    }
}
