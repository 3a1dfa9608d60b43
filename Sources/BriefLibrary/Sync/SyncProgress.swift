/// Where a running sync is, for a progress line.
public enum SyncProgress: Sendable, Equatable {
    case connecting
    case subscriptions
    case pushing(marks: Int)
    /// New items received so far.
    case receiving(items: Int)
    case marks

    /// `sync: receiving items (1200)`.
    public var line: String {
        switch self {
        case .connecting: "sync: connecting"
        case .subscriptions: "sync: subscriptions"
        case .pushing(let marks): "sync: pushing \(marks) marks"
        case .receiving(let items): "sync: receiving items (\(items))"
        case .marks: "sync: read and starred marks"
        }
    }
}
