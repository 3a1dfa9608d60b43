import BriefStore

/// Part of a story list: the rows at positions `offset..<offset + rows.count` of a list of `count` rows (newest
/// first), and where the story it was loaded for stands. A reader holds one window of a long list, and loads the
/// next as the selection nears its edge (`load`).
public struct StoryWindow: Hashable, Sendable {
    public var offset: Int
    public var rows: [StorySummary]
    /// Rows in the whole list.
    public var count: Int
    /// The position of the story the window was loaded for (`load(around:)`, `loadUnread`), nil when the list does
    /// not hold it (or none was asked for).
    public var anchor: Int?

    public init(offset: Int = 0, rows: [StorySummary], count: Int? = nil, anchor: Int? = nil) {
        self.offset = offset
        self.rows = rows
        self.count = count ?? offset + rows.count
        self.anchor = anchor
    }

    /// How many rows a window holds: many screens of rows, few enough to read within a key.
    public static let size = 400

    /// The positions the window holds.
    public var positions: Range<Int> { offset..<offset + rows.count }

    /// The row at list position `position`, when the window holds it.
    public func row(at position: Int) -> StorySummary? {
        positions.contains(position) ? rows[position - offset] : nil
    }

    /// The window of `size` rows of the list `filter` selects, of `count` rows, centred on story `id` when the list
    /// holds it (its position is then `anchor`), else on position `position`.
    public static func load(_ store: Store, _ filter: StoryFilter, count: Int, around id: Int64? = nil, at position: Int,
                            size: Int = StoryWindow.size) throws -> StoryWindow {
        let anchor = try id.flatMap { try store.position(ofStory: $0, in: filter) }
        return try load(store, filter, count: count, centredOn: anchor ?? position, anchor: anchor, size: size)
    }

    /// The window around the first unread story after position `position` (before it, without `forward`), with that
    /// story's position as `anchor`; nil when there is no unread story that way.
    public static func loadUnread(_ store: Store, _ filter: StoryFilter, count: Int, after position: Int, forward: Bool,
                                  size: Int = StoryWindow.size) throws -> StoryWindow? {
        guard let found = try store.unreadPosition(in: filter, after: position, forward: forward) else { return nil }
        return try load(store, filter, count: count, centredOn: found, anchor: found, size: size)
    }

    private static func load(_ store: Store, _ filter: StoryFilter, count: Int, centredOn position: Int, anchor: Int?,
                             size: Int) throws -> StoryWindow {
        let start = max(0, min(position - size / 2, count - size))
        let rows = try store.summaries(filter, offset: start, limit: size)
        // A list that shrank since it was counted ends where its rows do.
        let total = rows.count < size ? start + rows.count : max(count, start + rows.count)
        return StoryWindow(offset: start, rows: rows, count: total, anchor: anchor.map { min($0, max(0, total - 1)) })
    }
}
