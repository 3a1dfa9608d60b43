import BriefStore

/// Part of an entity page's stories: those at positions `offset..<offset + stories.count` of the `count` stories
/// that mention the entity (newest first; see `Store.stories(mentioning:offset:limit:)`).
public struct EntityStoryWindow: Hashable, Sendable {
    public var offset: Int
    public var stories: [EntityStory]
    public var count: Int

    public init(offset: Int, stories: [EntityStory], count: Int) {
        self.offset = offset
        self.stories = stories
        self.count = count
    }

    /// How many stories a window holds: pages of them, few enough to read and lay out within a key.
    public static let size = 100

    /// The window of `size` stories of entity `key` centred on position `position` (every story with `size` nil).
    public static func load(_ store: Store, key: String, around position: Int, size: Int? = EntityStoryWindow.size)
        throws -> EntityStoryWindow {
        let count = try store.storyCount(mentioning: key)
        let size = size ?? count
        let start = max(0, min(position - size / 2, count - size))
        let rows = try store.stories(mentioning: key, offset: start, limit: size)
        // A page that shrank since it was counted ends where its stories do.
        let total = rows.count < size ? start + rows.count : max(count, start + rows.count)
        return EntityStoryWindow(offset: start, stories: rows.map(EntityStory.init), count: total)
    }
}
