import BriefFeeds
import BriefModel
import BriefStore
import Foundation
import Synchronization

/// Fetches every subscribed feed and stores what is new: the engine behind `brief fetch` and the reader's `R`.
///
/// Feeds are fetched `jobs` at a time; each feed's items are sectioned and tagged in the task that fetched it, a
/// chunk of up to `FeedImportItem.chunkSize` items at a time on every core, while the chunk before it is stored in
/// one transaction on the writer's own thread; at most two chunks' prepared stories are in memory at once. A feed
/// that fails gets its `lastError` recorded and keeps its stories; it never stops the others. Items whose stories
/// were pruned while their feed carried them are neither prepared nor stored again. With `keepDays`, read and
/// unstarred stories older than that are pruned after the refresh (newsboat's keep-articles-days), and the report
/// says how many.
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
        var failures: [(position: Int, line: String)] = []
        var notes: [(position: Int, line: String)] = []
        let positions = Dictionary(feeds.enumerated().map { ($1.url, $0) }, uniquingKeysWith: { first, _ in first })
        let pipeline = Pipeline(feeds: feeds.count)
        await withTaskGroup(of: Refreshed.self) { group in
            var next = 0
            func startNext() {
                guard next < feeds.count else { return }
                let feed = feeds[next]
                next += 1
                group.addTask { await self.refresh(feed, pipeline: pipeline) }
            }
            for _ in 0..<max(1, min(jobs, feeds.count)) { startNext() }
            var completed = 0
            while let done = await group.next() {
                startNext()
                let position = positions[done.feed.url] ?? 0
                // A feed whose cache write failed part way may still have stored its first chunks.
                report.newStories += done.newStories
                switch done.result.outcome {
                case .fetched:
                    notes += done.notes.map { (position, "\(done.feed.url): \($0)") }
                case .notModified: report.notModified += 1
                case .failed(let error):
                    // Named by the stored address, which is what `brief feed list` shows and `feed remove` takes.
                    failures.append((position, "\(done.feed.url): \(error.reason)"))
                }
                completed += 1
                progress(FeedProgress(completed: completed, total: feeds.count, result: done.result))
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

    /// What a refresh shares between its feeds' tasks.
    private struct Pipeline: Sendable {
        /// One chunk of items is sectioned and tagged at a time, on every core (`FeedImportItem.prepare`):
        /// several prepared at once would tag no faster and hold all their stories in memory meanwhile.
        let preparing = AsyncGate(permits: 1)
        /// At most two chunks' prepared stories are held at once: the one being stored and the next. A third
        /// waits to be prepared until the first is stored; without this, a writer slowed down (a bigger cache, a
        /// busy machine) let every fetched feed's stories pile up in memory. A feed also takes a permit before it
        /// is parsed, so a feed waiting its turn holds its body, not its parsed items.
        let unstored = AsyncGate(permits: 2)
        /// The cache has one writer: chunks are stored one at a time, in one transaction each, in the order
        /// they were prepared, on this queue's own thread. Not on the concurrency pool: tagging fills its
        /// threads (`concurrentPerform` runs there), and a store waiting for one of them left a core idle while
        /// the next chunk was tagged.
        let writer = DispatchQueue(label: "brief.refresh.writer")
        /// The feeds whose items are not all prepared yet (fetched, waiting to be, or being prepared).
        let unprepared: Countdown

        init(feeds: Int) {
            unprepared = Countdown(feeds)
        }
    }

    /// A count that feeds take themselves off once, shared between their tasks.
    private final class Countdown: Sendable {
        private let left: Mutex<Int>
        init(_ count: Int) { left = Mutex(count) }
        /// Whether the asking feed, itself still counted, is the last one counted.
        var isLast: Bool { left.withLock { $0 <= 1 } }
        func takeOff() { left.withLock { $0 -= 1 } }
    }

    /// A feed refreshed: its fetch result (a failure to store it is a failure), how many stories were new, and the
    /// notes on how it was read.
    private typealias Refreshed = (feed: StoredFeed, result: FeedFetchResult, newStories: Int, notes: [String])

    /// How a feed's chunks fared on the writer: the new stories they stored, and the first failure, after which
    /// no further chunk of the feed is prepared or stored.
    private final class ChunkTally: Sendable {
        private let state = Mutex<(newStories: Int, failure: (any Error)?)>((0, nil))
        var newStories: Int { state.withLock { $0.newStories } }
        var failure: (any Error)? { state.withLock { $0.failure } }
        func add(_ count: Int) { state.withLock { $0.newStories += count } }
        func fail(_ error: any Error) { state.withLock { if $0.failure == nil { $0.failure = error } } }
    }

    /// Fetches `feed`, prepares its items chunk by chunk when the pipeline lets it, and stores each chunk on the
    /// writer's queue while the next is prepared; then saves the feed's own fields.
    private func refresh(_ feed: StoredFeed, pipeline: Pipeline) async -> Refreshed {
        guard let url = URL(string: feed.url) else {
            // Only reachable through a store filled by other means than `brief feed add`, which checks addresses.
            let request = FeedRequest(url: URL(fileURLWithPath: "/"))
            let failed = FeedFetchError(url: request.url, reason: .unsupportedURL)
            let result = FeedFetchResult(request: request, outcome: .failed(failed))
            pipeline.unprepared.takeOff()
            return await finished(feed, result, on: pipeline.writer)
        }
        let request = FeedRequest(url: url, validators: FeedValidators(etag: feed.etag, lastModified: feed.lastModified))
        let downloaded = await fetcher.download(request)
        guard downloaded.hasBody else {
            pipeline.unprepared.takeOff()
            return await finished(feed, fetcher.read(downloaded), on: pipeline.writer)
        }
        await pipeline.unstored.enter()
        let (result, tally, notes) = await prepareAndStore(feed, fetcher.read(downloaded), pipeline: pipeline)
        pipeline.unprepared.takeOff()
        return await finished(feed, result, tally: tally, notes: notes, on: pipeline.writer)
    }

    /// Prepares a fetched feed's items in chunks and hands each to the writer, holding one `unstored` permit
    /// (taken by the caller) per chunk until the writer has stored it. The last chunk of the last feed to be prepared
    /// goes in two parts (`FeedImportItem.finalPart`): its store is the only one no tagging overlaps. A fetch stopped
    /// between chunks keeps the stored ones; the feed's validators are saved only after its last chunk, so the next
    /// fetch reads the feed again and stores the rest. Returns the result to finish the feed with (without its parsed
    /// items), the tally its chunks will have filled by the time the writer reaches the feed's finish, and the notes
    /// on how it was read. In a function of its own so that the parsed feed is gone once its items are handed over,
    /// rather than kept while they are stored.
    private func prepareAndStore(_ feed: StoredFeed, _ result: FeedFetchResult, pipeline: Pipeline)
        async -> (FeedFetchResult, ChunkTally?, [String]) {
        guard let fetched = result.fetched else {
            await pipeline.unstored.leave()
            return (result, nil, [])
        }
        let source = feed.title ?? (fetched.document.title.isEmpty ? feed.url : fetched.document.title)
        // Pruned items are left out before the work of sectioning and tagging them (the store checks again).
        let pruned = (try? store.prunedItemIDs(feedKey: feed.url)) ?? []
        let kept = pruned.isEmpty ? fetched.document.items : fetched.document.items.filter { !pruned.contains($0.id) }
        let carried = fetched.document.items.map(\.id)
        let tally = ChunkTally()
        let chunks = FeedImportItem.chunks(kept)
        chunks: for (k, chunk) in chunks.enumerated() {
            let parts = FeedImportItem.parts(chunk, last: k == chunks.count - 1 && pipeline.unprepared.isLast)
            for (j, part) in parts.enumerated() {
                if k > 0 || j > 0 { await pipeline.unstored.enter() }
                guard tally.failure == nil else {
                    await pipeline.unstored.leave()
                    break chunks
                }
                await pipeline.preparing.enter()
                let items = FeedImportItem.prepare(Array(part), source: source, annotate: annotate)
                await pipeline.preparing.leave()
                let feedURL = feed.url, store = self.store
                let chunkCarried = k == 0 && j == 0 ? carried : nil
                pipeline.writer.async {
                    if tally.failure == nil {
                        do {
                            let outcomes = try store.importFeedItems(feedURL: feedURL, items: items, carried: chunkCarried,
                                                                     deferringCheckpoint: true)
                            tally.add(outcomes.filter(\.isNew).count)
                        } catch {
                            tally.fail(error)
                        }
                    }
                    Task { await pipeline.unstored.leave() }
                    // After the permit: the next chunk is prepared while the log is synced, rather than waiting for it.
                    store.checkpointIfDue()
                }
            }
        }
        // The parsed items are stored or on the writer's queue now: the result to finish keeps only the feed's
        // own fields.
        var stripped = fetched
        stripped.document.items = []
        return (FeedFetchResult(request: result.request, outcome: .fetched(stripped)), tally, fetched.document.notes)
    }

    /// `finish(_:_:tally:)` run on `writer`, after every chunk queued before it, awaited without holding a thread.
    private func finished(_ feed: StoredFeed, _ result: FeedFetchResult, tally: ChunkTally? = nil, notes: [String] = [],
                          on writer: DispatchQueue) async -> Refreshed {
        let outcome = await withCheckedContinuation { continuation in
            writer.async {
                continuation.resume(returning: self.finish(feed, result, tally: tally))
            }
        }
        return (feed, outcome.result, outcome.newStories, notes)
    }

    /// Stores one feed's outcome once its chunks are stored: its validators and title when it was fetched, its
    /// fetch result (a `.failed` one when the cache failed; the chunks stored before the failure stay), and how
    /// many stories were new.
    private func finish(_ feed: StoredFeed, _ result: FeedFetchResult, tally: ChunkTally?)
        -> (result: FeedFetchResult, newStories: Int) {
        let url = feed.url
        let newStories = tally?.newStories ?? 0
        do {
            if let failure = tally?.failure { throw failure }
            switch result.outcome {
            case .fetched(let fetched):
                try store.updateValidators(url: url, etag: fetched.validators.etag,
                                           lastModified: fetched.validators.lastModified,
                                           title: fetched.document.title,
                                           movedTo: fetched.movedPermanently ? fetched.finalURL.absoluteString : nil)
                return (result, newStories)
            case .notModified(let validators):
                try store.updateValidators(url: url, etag: validators.etag, lastModified: validators.lastModified)
            case .failed(let error):
                try store.recordFeedError(url: url, message: error.reason.description)
            }
            return (result, 0)
        } catch {
            let failure = FeedFetchError(url: result.request.url, reason: .network("cache: \(error)"))
            return (FeedFetchResult(request: result.request, outcome: .failed(failure)), newStories)
        }
    }
}
