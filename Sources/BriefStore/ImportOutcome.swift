/// What storing one `ImportItem` did.
public enum ImportOutcome: Hashable, Sendable {
    /// The story was new and is stored under this id.
    case new(Int64)
    /// The same content was already in the cache under this id; nothing was changed.
    case existing(Int64)

    /// The story's id, whichever way it went.
    public var id: Int64 {
        switch self {
        case .new(let id), .existing(let id): id
        }
    }

    public var isNew: Bool {
        if case .new = self { true } else { false }
    }
}
