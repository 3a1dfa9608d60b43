extension Reader {
    /// The operation a key asks for in `state`: while the prompt is open, keys edit it; otherwise the keymap.
    public static func operation(for key: Key, in state: ReaderState) -> ReaderOperation? {
        guard state.prompt != nil else { return state.keymap.operation(for: key) }
        switch key {
        case let .character(character): return .typed(character)
        case .enter: return .submit
        case .escape: return .cancelPrompt
        case .backspace, .left: return .deleteBackward
        default: return nil
        }
    }
}
