import BriefStore
import Foundation

/// The feed view's content: the folders, by name, each with its feeds, then the feeds in no folder, each with
/// its unread and total story counts and last error. A feed in two folders shows in both.
public struct FeedOverview: Hashable, Sendable {
    public var folders: [FeedFolder]
    public var unfiled: [FeedEntry]

    public init(folders: [FeedFolder] = [], unfiled: [FeedEntry] = []) {
        self.folders = folders
        self.unfiled = unfiled
    }

    /// Reads the subscriptions and their counts: one pass over the feeds and one over the unread stories.
    public static func load(_ store: Store) throws -> FeedOverview {
        let unread = try store.unreadCountsByFeed()
        var byFolder: [String: [FeedEntry]] = [:]
        var unfiled: [FeedEntry] = []
        for feed in try store.feeds() {
            let entry = FeedEntry(url: feed.url, title: feed.title ?? feed.url, unread: unread[feed.url] ?? 0,
                                  total: feed.items, lastError: feed.lastError)
            if feed.tags.isEmpty { unfiled.append(entry) }
            for folder in feed.tags { byFolder[folder, default: []].append(entry) }
        }
        let byTitle: (FeedEntry, FeedEntry) -> Bool = { $0.title.localizedCaseInsensitiveCompare($1.title) == .orderedAscending }
        let folders = byFolder.keys.sorted { $0.localizedCaseInsensitiveCompare($1) == .orderedAscending }
            .map { FeedFolder(name: $0, feeds: byFolder[$0, default: []].sorted(by: byTitle)) }
        return FeedOverview(folders: folders, unfiled: unfiled.sorted(by: byTitle))
    }

    /// Number of feeds (each once, whatever folders it is in).
    public var feedCount: Int { Set(folders.flatMap { $0.feeds.map(\.url) } + unfiled.map(\.url)).count }
}
