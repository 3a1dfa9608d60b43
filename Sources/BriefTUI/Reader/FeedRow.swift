import BriefLibrary

/// One row of the feed view: a folder, or a feed (inside a folder, or in none).
public enum FeedRow: Hashable, Sendable {
    case folder(FeedFolder)
    case feed(FeedEntry, inFolder: Bool)

    /// The rows of `overview`, top to bottom: each folder followed by its feeds, then the feeds in no folder.
    static func rows(_ overview: FeedOverview) -> [FeedRow] {
        overview.folders.flatMap { folder in [.folder(folder)] + folder.feeds.map { .feed($0, inFolder: true) } }
            + overview.unfiled.map { .feed($0, inFolder: false) }
    }

    /// The story list this row opens.
    var scope: ListScope {
        switch self {
        case let .folder(folder): .folder(folder.name)
        case let .feed(feed, _): .feed(url: feed.url, title: feed.title)
        }
    }
}
