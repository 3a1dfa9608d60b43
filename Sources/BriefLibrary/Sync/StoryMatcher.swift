import BriefStore
import BriefSync
import Foundation

/// Finds the story Brief already has for a server's item: by TT-RSS's hash of the item's original guid or link
/// (computed here from each feed item's guid and link), else by feed and normalised link, else by title and day.
/// Built once per sync, from the stories no server item is linked to yet.
struct StoryMatcher {
    private var byHash: [String: Int64] = [:]
    private var byFeedLink: [String: Int64] = [:]
    private var byTitleDay: [String: Int64]
    private static let separator = "\u{1F}"

    init(store: Store) throws {
        for key in try store.unlinkedItemKeys() {
            if let hash = ItemIdentity.ttrssHash(guid: key.guid, link: key.link) { byHash[hash] = key.storyID }
            if let link = key.link, !link.isEmpty {
                byFeedLink[key.feedKey + Self.separator + LinkKey.normalise(link)] = key.storyID
            }
        }
        byTitleDay = try store.unlinkedStoriesByTitleAndDay()
    }

    /// The story for `item` of the feed at `feedURL`, if Brief has it.
    func match(_ item: RemoteItem, feedURL: String?) -> Int64? {
        var story: Int64?
        if let identity = item.identity { story = byHash[identity] }
        if story == nil, let feedURL, !item.link.isEmpty {
            story = byFeedLink[feedURL + Self.separator + LinkKey.normalise(item.link)]
        }
        if story == nil, let published = item.published {
            story = byTitleDay[Store.titleDayKey(title: item.title, day: Self.day(published))]
        }
        return story
    }

    private static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
