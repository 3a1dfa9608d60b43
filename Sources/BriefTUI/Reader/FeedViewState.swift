import BriefLibrary

/// The feed view (`F`): folders and feeds with their counts, and where the reader is in them.
public struct FeedViewState: Hashable, Sendable {
    /// Nil until the store answers.
    public var overview: FeedOverview?
    public var rows: [FeedRow] = []
    public var cursor = Cursor()

    public init() {}

    /// The selected row, if any.
    var selectedRow: FeedRow? { rows.indices.contains(cursor.selected) ? rows[cursor.selected] : nil }
}
