/// What storing one `ImportItem` did.
public enum ImportOutcome: Hashable, Sendable {
    /// The story was new and is stored under this id.
    case new(Int64)
    /// The same content was already in the cache under this id; nothing was changed.
    case existing(Int64)
    /// A feed delivered this item again with changed content: the story under this id was rewritten in place
    /// (text, sections, mentions, entities, search row), keeping its read mark, star and feed links.
    case updated(Int64)

    /// The story's id, whichever way it went.
    public var id: Int64 {
        switch self {
        case .new(let id), .existing(let id), .updated(let id): id
        }
    }

    public var isNew: Bool {
        if case .new = self { true } else { false }
    }
}
