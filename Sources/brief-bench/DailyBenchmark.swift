import BriefLibrary
import BriefModel
import BriefStore
import BriefTUI
import Foundation

/// `brief-bench daily [FEEDS] [STORIES]`: a cache of 500 feeds in 50 folders and 100,000 stories; times opening
/// the feed view (its counts read, its rows drawn) and a prune of the older half (50,000 read stories).
enum DailyBenchmark {
    static func run(_ args: [String]) throws {
        let feedCount = args.first.flatMap(Int.init) ?? 500
        let storyCount = args.dropFirst().first.flatMap(Int.init) ?? 100_000
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brief-bench-daily-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Store(path: directory.appendingPathComponent("cache.sqlite").path)
        let day: TimeInterval = 86_400
        let now = Date()
        var start = ContinuousClock.now
        for feed in 0..<feedCount {
            let url = "https://desk\(feed).example/feed.xml"
            try store.addFeed(url: url, title: "Desk \(feed)", tags: ["Folder \(feed % 50)"])
            let perFeed = storyCount / feedCount
            let items = (0..<perFeed).map { index -> FeedImportItem in
                let number = feed * perFeed + index
                let text = "Story \(number) of desk \(feed): ministers met on day \(index) to discuss item \(number)."
                // The older half is dated more than 200 days ago, the newer half within the last 100.
                let age = index < perFeed / 2 ? 200 + Double(index) : Double(index - perFeed / 2) / Double(perFeed) * 100
                return FeedImportItem(itemID: "\(number)", guid: "\(number)", link: "https://desk\(feed).example/\(number)",
                                      fingerprint: "fp\(number)", story: ImportItem(
                    story: Story(title: "Story \(number)", sections: [Section(kind: .lede, paragraphs: [Paragraph(text: text)])]),
                    originalText: text, source: "Desk \(feed)", published: now.addingTimeInterval(-age * day), format: .article))
            }
            _ = try store.importFeedItems(feedURL: url, items: items)
        }
        print("daily: built \(feedCount) feeds, \(try store.count()) stories in \(ContinuousClock.now - start)")
        // Most of the older stories read, so the counts have work to do.
        _ = try store.markAllRead(StoryFilter())
        _ = try store.setRead(false, ids: try store.summaries().prefix(storyCount / 10).map(\.id))

        let effects = StoreEffects(store: store)
        var state = Reader.start(size: ScreenSize(width: 100, height: 30), theme: Theme(mode: .palette256)).0
        state = Reader.update(state, .listLoaded([], total: 0, unread: 0)).0
        let times = TUIBenchmark.measure(20) {
            var opened = Reader.update(state, .feeds).0
            for result in effects.perform(.loadFeeds) { opened = Reader.update(opened, result).0 }
            _ = Reader.view(opened)
        }
        TUIBenchmark.report("daily feed view open (\(feedCount) feeds, \(storyCount) stories: counts, rows, frame)", times)

        start = ContinuousClock.now
        let pruned = try store.pruneStories(before: now.addingTimeInterval(-150 * day))
        print("daily: prune of \(pruned) stories took \(ContinuousClock.now - start)")
        start = ContinuousClock.now
        let freed = try store.vacuum()
        print("daily: vacuum freed \(freed) bytes in \(ContinuousClock.now - start)")
    }
}
