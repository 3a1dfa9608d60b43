import BriefStore

/// Which stories the story list shows: every story, the starred ones, one feed's or one folder's. Unread-only
/// (`U`) applies on top of any of them.
public enum ListScope: Hashable, Sendable {
    case all
    case starred
    /// One feed's stories: its address and the title to show.
    case feed(url: String, title: String)
    /// The stories of the feeds in one folder.
    case folder(String)

    /// The store's filter for this scope.
    func filter(unreadOnly: Bool) -> StoryFilter {
        switch self {
        case .all: StoryFilter(unreadOnly: unreadOnly)
        case .starred: StoryFilter(unreadOnly: unreadOnly, starredOnly: true)
        case let .feed(url, _): StoryFilter(unreadOnly: unreadOnly, feed: url)
        case let .folder(name): StoryFilter(unreadOnly: unreadOnly, folder: name)
        }
    }

    /// Where the list is, for its title (nil for every story).
    var title: String? {
        switch self {
        case .all: nil
        case .starred: "Starred"
        case let .feed(_, title): title
        case let .folder(name): name
        }
    }
}
