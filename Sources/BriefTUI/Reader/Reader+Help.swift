/// The keys screen's keys: it scrolls, and Esc closes it.
extension Reader {
    static func helpOperation(_ state: inout ReaderState, _ cursor: Cursor, _ operation: ReaderOperation) {
        if operation == .clear {
            back(&state)
            return
        }
        guard let step = CursorStep(operation) else { return }
        var cursor = cursor
        cursor.scroll(step, lineCount: HelpLines.lines(state.keymap, theme: state.theme).count, height: state.bodyHeight)
        state.stack.setTop(.help(cursor))
    }
}
