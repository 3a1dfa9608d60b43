/// A move of a cursor that every list and text view understands.
enum CursorStep: Hashable, Sendable {
    case down, up, pageDown, pageUp, top, bottom

    /// The step an operation asks for, if it is one.
    init?(_ operation: ReaderOperation) {
        switch operation {
        case .moveDown: self = .down
        case .moveUp: self = .up
        case .pageDown: self = .pageDown
        case .pageUp: self = .pageUp
        case .top: self = .top
        case .bottom: self = .bottom
        default: return nil
        }
    }
}
