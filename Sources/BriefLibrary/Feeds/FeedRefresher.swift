import BriefFeeds
import BriefModel
import BriefStore
import Foundation

/// Fetches every subscribed feed and stores what is new: the engine behind `brief fetch` and the reader's `R`.
///
/// Feeds are fetched `jobs` at a time; each feed's items are sectioned and tagged in the task that fetched it, one
/// feed at a time on every core, while the feed before it is stored in one transaction. A feed that fails gets its
/// `lastError` recorded and keeps its stories; it never stops the others. Items whose stories were pruned while
/// their feed carried them are neither prepared nor stored again. With `keepDays`, read and unstarred stories older
/// than that are pruned after the refresh (newsboat's keep-articles-days), and the report says how many.
///
///     let refresher = FeedRefresher(store: store, annotate: annotator.annotate)
///     let report = await refresher.refreshAll(jobs: 4) { print("\($0.completed)/\($0.total)") }
///     print(report.summary)   // fetched 3 feeds: 12 new stories, 1 unchanged, 0 failed
public struct FeedRefresher: Sendable {
    public let store: Store
    public let fetcher: FeedFetcher
    /// Fills a sectioned story's mentions and entities (the tagger); identity when tagging is off.
    public let annotate: @Sendable (Story) -> Story
    /// `keep_days` of config.toml: after each refresh, prune read, unstarred stories older than this many days
    /// (`Store.pruneStories`); nil (or 0) keeps everything.
    public var keepDays: Int?

    public init(store: Store, fetcher: FeedFetcher = FeedFetcher(), keepDays: Int? = nil,
                annotate: @escaping @Sendable (Story) -> Story) {
        self.store = store
        self.fetcher = fetcher
        self.keepDays = keepDays
        self.annotate = annotate
    }

    /// Fetches all subscribed feeds, at most `jobs` at once, and stores their new items. `progress` is called once
    /// per feed, after its items are stored. Never throws: a failure (the cache's included) is a line in `failed`.
    /// The sync account's feeds are left out: its server fetches them, and they come with a sync.
    public func refreshAll(jobs: Int = 4, progress: @escaping @Sendable (FeedProgress) -> Void = { _ in })
        async -> FeedRefreshReport {
        let feeds: [StoredFeed]
        do {
            let serverFeeds = Set(try store.serverFeeds().values)
            feeds = try store.feeds().filter { !serverFeeds.contains($0.url) }
        } catch {
            return FeedRefreshReport(failed: ["cache: \(error)"])
        }
        var report = FeedRefreshReport(feeds: feeds.count)
        // Each task yields its fetch result with its feed's items prepared; storing happens here, one at a time.
        var failures: [(position: Int, line: String)] = []
        var notes: [(position: Int, line: String)] = []
        let positions = Dictionary(feeds.enumerated().map { ($1.url, $0) }, uniquingKeysWith: { first, _ in first })
        // One feed's items are sectioned and tagged at a time, on every core (`FeedImportItem.prepare`): several
        // feeds prepared at once would tag no faster and hold all their stories in memory meanwhile.
        let preparing = AsyncGate(permits: 1)
        await withTaskGroup(of: Prepared.self) { group in
            var next = 0
            func startNext() {
                guard next < feeds.count else { return }
                let feed = feeds[next]
                next += 1
                group.addTask { await self.fetchAndPrepare(feed, gate: preparing) }
            }
            for _ in 0..<max(1, min(jobs, feeds.count)) { startNext() }
            var completed = 0
            while let done = await group.next() {
                startNext()
                // Synchronous on purpose: the cache has one writer, so feeds are stored one at a time here, in one
                // transaction each, while the children go on fetching and tagging. An async write would run the same
                // blocking transaction on GRDB's queue instead, with a hop per feed and nothing gained.
                let stored = store(done)
                var result = done.result
                if let failure = stored.failure {
                    result = FeedFetchResult(request: result.request, outcome: .failed(failure))
                }
                let position = positions[done.feed.url] ?? 0
                switch result.outcome {
                case .fetched:
                    report.newStories += stored.newStories
                    notes += done.notes.map { (position, "\(done.feed.url): \($0)") }
                case .notModified: report.notModified += 1
                case .failed(let error):
                    // Named by the stored address, which is what `brief feed list` shows and `feed remove` takes.
                    failures.append((position, "\(done.feed.url): \(error.reason)"))
                }
                completed += 1
                progress(FeedProgress(completed: completed, total: feeds.count, result: result))
            }
        }
        // In subscription order, not completion order, so the same failures read the same every time.
        report.failed = failures.sorted { $0.position < $1.position }.map(\.line)
        report.notes = notes.enumerated().sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }
            .map(\.element.line)
        prune(into: &report)
        return report
    }

    /// Applies `keepDays` after a refresh: prunes what is older, counting it in `report` (a failure is a line in
    /// `failed`). Never on a read-only cache, which is not refreshed either.
    private func prune(into report: inout FeedRefreshReport, now: Date = Date()) {
        guard let keepDays, keepDays > 0, !store.isReadOnly else { return }
        do {
            report.pruned = try store.pruneStories(before: now.addingTimeInterval(-Double(keepDays) * 86_400), now: now)
            report.keepDays = keepDays
        } catch {
            report.failed.append("prune (keep_days = \(keepDays)): \(error)")
        }
    }

    // MARK: - One feed

    /// A feed fetched, with its items sectioned and tagged, the ids of every item it carries, and the notes on how
    /// it was read; its `result` keeps the feed's own fields without the parsed items.
    private typealias Prepared = (feed: StoredFeed, result: FeedFetchResult, items: [FeedImportItem],
                                  carried: [String], notes: [String])

    private func fetchAndPrepare(_ feed: StoredFeed, gate: AsyncGate) async -> Prepared {
        guard let url = URL(string: feed.url) else {
            // Only reachable through a store filled by other means than `brief feed add`, which checks addresses.
            let request = FeedRequest(url: URL(fileURLWithPath: "/"))
            return (feed, FeedFetchResult(request: request, outcome: .failed(FeedFetchError(url: request.url,
                                                                                               reason: .unsupportedURL))), [], [], [])
        }
        let request = FeedRequest(url: url, validators: FeedValidators(etag: feed.etag, lastModified: feed.lastModified))
        let result = await fetcher.fetch(request)
        guard let fetched = result.fetched else { return (feed, result, [], [], []) }
        let source = feed.title ?? (fetched.document.title.isEmpty ? feed.url : fetched.document.title)
        // Pruned items are left out before the work of sectioning and tagging them (the store checks again).
        let pruned = (try? store.prunedItemIDs(feedKey: feed.url)) ?? []
        let kept = pruned.isEmpty ? fetched.document.items : fetched.document.items.filter { !pruned.contains($0.id) }
        await gate.enter()
        let items = FeedImportItem.prepare(kept, source: source, annotate: annotate)
        await gate.leave()
        let carried = fetched.document.items.map(\.id)
        let notes = fetched.document.notes
        // The parsed items are in `items` now: the result waiting to be stored keeps only the feed's own fields.
        var stripped = fetched
        stripped.document.items = []
        return (feed, FeedFetchResult(request: result.request, outcome: .fetched(stripped)), items, carried, notes)
    }

    /// Stores one finished feed's outcome: how many stories were new, or the error to report when the cache failed.
    private func store(_ done: Prepared)
        -> (newStories: Int, failure: FeedFetchError?) {
        let url = done.feed.url
        do {
            switch done.result.outcome {
            case .fetched(let fetched):
                let outcomes = try store.importFeedItems(feedURL: url, items: done.items, carried: done.carried)
                try store.updateValidators(url: url, etag: fetched.validators.etag,
                                           lastModified: fetched.validators.lastModified,
                                           title: fetched.document.title,
                                           movedTo: fetched.movedPermanently ? fetched.finalURL.absoluteString : nil)
                return (outcomes.filter(\.isNew).count, nil)
            case .notModified(let validators):
                try store.updateValidators(url: url, etag: validators.etag, lastModified: validators.lastModified)
            case .failed(let error):
                try store.recordFeedError(url: url, message: error.reason.description)
            }
            return (0, nil)
        } catch {
            return (0, FeedFetchError(url: done.result.request.url, reason: .network("cache: \(error)")))
        }
    }
}
