import BriefModel
import BriefStore
import BriefSync
import Foundation

/// One sync with the account's server, whatever its protocol (`SyncService`):
/// 1. subscriptions both ways (a feed gone from one side since the last sync was unsubscribed there; Fever's are
///    read-only, so they only come here);
/// 2. push the queue of marks (explicit set operations; a failed push stays queued, counted);
/// 3. receive the server's new items: each is matched with a story Brief already has (TT-RSS's hash of the item's
///    guid or link; else feed and normalised link; else title and day) or stored like any fetched item (sectioned,
///    tagged, linked), so a story is never stored twice;
/// 4. push again what matching queued (a story read here before the account existed stays read there too);
/// 5. pull the unread and starred sets and apply them, except to stories with a queued mark, whose mark is dropped
///    once the server reads back the same state (an "OK" is not proof). An item missing from the unread set is
///    asked for by id, since the server may have purged it rather than have it read (or, TT-RSS, missed it at a
///    page boundary). Where the protocol says what was read lately (TT-RSS), the unread set is not listed when
///    the recent reads and the server's unread count show the marks held here are the server's
///    (`pullReadQuickly`).
///
///     let engine = SyncEngine(store: store, service: service, annotate: annotator.annotate)
///     let report = await engine.run()
public struct SyncEngine: Sendable {
    public let store: Store
    public let service: any SyncService
    public let annotate: @Sendable (Story) -> Story
    /// A queued mark older than this is dropped (its story never reached the server, or the server lost it).
    public var markExpiry: TimeInterval = 30 * 86_400
    /// The marks synced: read state and stars.
    public var fields: [MarkField] = MarkField.allCases

    public init(store: Store, service: any SyncService, annotate: @escaping @Sendable (Story) -> Story) {
        self.store = store
        self.service = service
        self.annotate = annotate
    }

    /// Runs one sync; every failure is one line in the report (a connection failure ends the sync there, leaving
    /// the queue and the cache as they were).
    public func run(progress: @Sendable (SyncProgress) -> Void = { _ in }) async -> SyncReport {
        var report = SyncReport()
        do {
            guard let account = try store.syncAccount() else {
                report.failures.append("no sync account (add one with 'brief account add')")
                return report
            }
            progress(.connecting)
            try await service.verify()
            progress(.subscriptions)
            let feeds = try await syncSubscriptions(&report)
            try await push(&report, progress: progress)
            let (matched, known) = try await receive(since: account.lastItemID, feeds: feeds, &report, progress: progress)
            if try queueMarksOfMatched(matched) { try await push(&report, progress: progress) }
            progress(.marks)
            let quick = mayPullReadQuickly(account)
            for field in fields {
                if field == .read, quick, try await pullReadQuickly(known, &report) { continue }
                try await pullMarks(field, &report)
            }
        } catch let error as SyncError {
            report.failures.append(error.description)
            if case .unreachable = error { report.offline = true }
        } catch is CancellationError {
            report.failures.append("sync cancelled")
        } catch {
            report.failures.append("sync: " + String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " "))
        }
        report.waiting = (try? store.queuedMarkCount()) ?? 0
        try? store.recordSync(error: report.failures.first)
        return report
    }

    // MARK: - Subscriptions

    private func syncSubscriptions(_ report: inout SyncReport) async throws -> [Int: RemoteFeed] {
        var remote = try await service.feeds()
        let known = try store.serverFeeds()
        let knownURLs = Set(known.values)
        let local = try store.feeds()
        let localURLs = Set(local.map(\.url))
        let remoteURLs = Set(remote.map(\.url))
        for feed in remote where !localURLs.contains(feed.url) {
            if known[feed.id] != nil {
                // Unsubscribed here since the last sync.
                guard service.canSubscribe else { continue }
                do {
                    try await service.unsubscribe(feedID: feed.id)
                    remote.removeAll { $0.id == feed.id }
                    report.unsubscribedOnServer += 1
                } catch let error as SyncError where !error.endsSync {
                    report.failures.append(error.description)
                }
            } else {
                try store.addFeed(url: feed.url, title: feed.title, tags: feed.folder.map { [$0] } ?? [])
                report.addedLocally += 1
            }
        }
        for feed in local where !remoteURLs.contains(feed.url) {
            if knownURLs.contains(feed.url) {
                // Unsubscribed on the server since the last sync.
                try store.removeFeed(url: feed.url)
                report.removedLocally += 1
            } else if service.canSubscribe {
                do {
                    let id = try await service.subscribe(url: feed.url, folder: feed.tags.first)
                    remote.append(RemoteFeed(id: id, url: feed.url, title: feed.title ?? feed.url, folder: feed.tags.first))
                    report.subscribedOnServer += 1
                } catch let error as SyncError where !error.endsSync {
                    report.failures.append(error.description)
                }
            }
        }
        try store.setServerFeeds(Dictionary(remote.map { ($0.id, $0.url) }, uniquingKeysWith: { a, _ in a }))
        return Dictionary(remote.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    // MARK: - Push

    private func push(_ report: inout SyncReport, progress: @Sendable (SyncProgress) -> Void) async throws {
        let marks = try store.queuedMarks()
        let now = Date()
        let expired = marks.filter { now.timeIntervalSince($0.queuedAt) > markExpiry }
        if !expired.isEmpty {
            try store.dropQueuedMarks(expired)
            report.expired += expired.count
        }
        let ready = marks.filter { $0.serverID != nil && fields.contains($0.field) && now.timeIntervalSince($0.queuedAt) <= markExpiry }
        guard !ready.isEmpty else { return }
        progress(.pushing(marks: ready.count))
        let groups = Dictionary(grouping: ready) { PushGroup(field: $0.field, value: $0.value) }
        for (group, marks) in groups.sorted(by: { $0.key.order < $1.key.order }) {
            do {
                try await service.set(group.field == .read ? .read : .star, to: group.value, ids: marks.compactMap(\.serverID))
                report.pushed += marks.count
            } catch let error as SyncError {
                try store.recordPushFailure(marks, error: error.description)
                if error.endsSync { throw error }
                report.failures.append(error.description)
            }
        }
    }

    private struct PushGroup: Hashable {
        var field: MarkField
        var value: Bool
        var order: Int { (field == .read ? 0 : 2) + (value ? 0 : 1) }
    }

    // MARK: - New items

    /// Stores or matches every item newer than `sinceID`; returns the items matched with stories Brief already had,
    /// and the server's state of every item newer than `sinceID`. A pipeline that keeps every core busy: while one
    /// page is written (one transaction; the cache has one writer), the next is sectioned and tagged on all cores,
    /// and the pages after it are downloading.
    private func receive(since sinceID: Int, feeds: [Int: RemoteFeed], _ report: inout SyncReport,
                         progress: @Sendable (SyncProgress) -> Void) async throws -> ([RemoteItem], [Int: RemoteState]) {
        let linked = try store.serverItems()
        var matcher: StoryMatcher?
        var matched: [RemoteItem] = []
        var received = 0
        var newest = sinceID
        var counts = (new: 0, matched: 0)
        var writing: (task: Task<[(serverID: Int, outcome: ImportOutcome)], any Error>, page: [Int: RemoteItem])?
        // Waits for the page being written and counts what it stored.
        func written() async throws {
            guard let (task, page) = writing else { return }
            writing = nil
            for (serverID, outcome) in try await task.value {
                if outcome.isNew {
                    counts.new += 1
                } else if let item = page[serverID] {
                    counts.matched += 1
                    matched.append(item)
                }
            }
        }
        let states: [Int: RemoteState]
        do {
            states = try await service.newItems(since: sinceID) { page in
                received += page.count
                progress(.receiving(items: received))
                newest = max(newest, page.map(\.id).max() ?? newest)
                var links: [(serverID: Int, storyID: Int64, feedID: Int?)] = []
                var unmatched: [Int: [RemoteItem]] = [:]
                for item in page where linked[item.id] == nil {
                    if matcher == nil { matcher = try StoryMatcher(store: store) }
                    if let story = matcher?.match(item, feedURL: feeds[item.feedID]?.url) {
                        links.append((item.id, story, item.feedID))
                        matched.append(item)
                    } else {
                        unmatched[item.feedID, default: []].append(item)
                    }
                }
                if !links.isEmpty { try store.linkServerItems(links, lastItemID: 0) }
                counts.matched += links.count
                guard !unmatched.isEmpty else { return }
                // Tagged while the page before is written.
                let batches = unmatched.sorted { $0.key < $1.key }.map { feedID, items in
                    prepare(items, feed: feeds[feedID], feedID: feedID)
                }
                try await written()
                let store = self.store
                writing = (Task { try await Self.offThePool { try store.storeServerItems(batches, lastItemID: 0) } },
                           Dictionary(page.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
            }
            try await written()
        } catch {
            // The cache is never written after the sync returns.
            _ = try? await writing?.task.value
            throw error
        }
        try store.linkServerItems([], lastItemID: newest)
        report.newStories += counts.new
        report.matchedStories += counts.matched
        return (matched, states)
    }

    /// Runs blocking work (a write transaction) on a thread of its own, leaving the cooperative pool's few threads
    /// to the tagging and the downloads.
    private static func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Server items as feed items, sectioned and tagged like any fetched item.
    private func prepare(_ items: [RemoteItem], feed: RemoteFeed?, feedID: Int) -> SyncedFeedItems {
        let feedURL = feed?.url ?? "sync:feed:\(feedID)"
        let source = feed.map { $0.title.isEmpty ? $0.url : $0.title } ?? feedURL
        let feedItems = items.map { item in
            let title = item.title.contains("&") || item.title.contains("<") ? HTMLText.inlineText(item.title) : item.title
            return FeedItem(id: item.link.isEmpty ? "sync:\(item.id)" : item.link, link: item.link.isEmpty ? nil : item.link,
                            title: title, published: item.published, content: .html(item.html))
        }
        let prepared = FeedImportItem.prepare(feedItems, source: source, annotate: annotate)
        return SyncedFeedItems(feedURL: feedURL, serverFeedID: feedID,
                               items: zip(items, prepared).map { (serverID: $0.id, item: $1) })
    }

    /// A story Brief had before the server delivered it keeps what was done to it here: read or starred here and
    /// not there is queued for the server (the other way round, the server's state is applied by `pullMarks`).
    private func queueMarksOfMatched(_ matched: [RemoteItem]) throws -> Bool {
        guard !matched.isEmpty else { return false }
        var marks: [(storyID: Int64, field: MarkField, value: Bool)] = []
        let stories = try store.serverItems()
        for field in fields {
            let local = try store.localMarks(field)
            for item in matched {
                guard local[item.id] == true, let story = stories[item.id] else { continue }
                let serverOn = field == .read ? !item.isUnread : item.isStarred
                if !serverOn { marks.append((story, field, true)) }
            }
        }
        try store.queueMarks(marks)
        return !marks.isEmpty
    }

    // MARK: - Marks from the server

    /// Whether the read marks held here can be brought up to date without listing the server's unread set: on a
    /// first sync (every server item was just received, with its state), or when the last sync ended cleanly
    /// within the server's "recently read" window and on the same day (one full listing a day at least, which also
    /// catches what a count cannot, like an unread item purged while another was marked unread).
    private func mayPullReadQuickly(_ account: StoredAccount, now: Date = Date()) -> Bool {
        guard let window = service.recentReadWindow else { return false }
        if account.lastItemID == 0 { return true }
        guard account.lastError == nil, let last = account.lastSync, now.timeIntervalSince(last) >= 0,
              now.timeIntervalSince(last) < window * 0.8 else { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.isDate(last, inSameDayAs: now)
    }

    /// The server's read marks without listing its unread set: what this sync learnt of its new items and the
    /// items read on the server lately are applied (queued marks confirmed or kept, as in `pullMarks`). Every way
    /// of reading on the server shows in the recent reads; marking unread there does not, but changes the server's
    /// unread count, so the marks held here are the server's only when, feed by feed, its count of unread items
    /// equals the linked stories' and no read mark is still queued. Returns false when they are not: list the set.
    ///
    /// By feed, because two changes can cancel out in a total: an unread item purged on the server while another
    /// is marked unread there. Within one feed they still can (the server purges unread items only past its purge
    /// age, 60 days by default): that is what the day's first sync, which always lists the set, is for.
    private func pullReadQuickly(_ known: [Int: RemoteState], _ report: inout SyncReport) async throws -> Bool {
        let recent = try await service.recentlyReadIDs()
        let serverUnread = try await service.unreadCounts()
        var serverRead = known.mapValues { !$0.isUnread }
        for id in recent { serverRead[id] = true }
        let local = try store.localMarks(.read)
        let queued = Set(try store.queuedMarks().filter { $0.field == .read }.compactMap(\.serverID))
        var states: [Int: Bool] = [:]
        for (id, read) in serverRead {
            guard let localRead = local[id] else { continue }
            if queued.contains(id) || read != localRead { states[id] = read }
        }
        report.markedFromServer += try store.applyServerMarks(states, field: .read)
        let stillQueued = try store.queuedMarks().contains { $0.field == .read && $0.serverID != nil }
        var unreadHere: [Int: Int] = [:]
        for (feed, count) in try store.unreadLinkedCountsByServerFeed() {
            unreadHere[serverUnread[feed] == nil ? 0 : feed, default: 0] += count
        }
        return !stillQueued && unreadHere.filter { $0.value != 0 } == serverUnread.filter { $0.value != 0 }
    }

    private func pullMarks(_ field: MarkField, _ report: inout SyncReport) async throws {
        let serverSet = field == .read ? try await service.unreadIDs() : try await service.starredIDs()
        let local = try store.localMarks(field)
        let queued = Set(try store.queuedMarks().filter { $0.field == field }.compactMap(\.serverID))
        var states: [Int: Bool] = [:]
        var absent: [Int] = []
        for (id, localOn) in local {
            // The sets list unread and starred items: an item absent from the unread set is read.
            let serverOn = field == .read ? !serverSet.contains(id) : serverSet.contains(id)
            let missing = field == .read ? serverOn : !serverOn
            if queued.contains(id) {
                states[id] = serverOn  // confirms the queued mark when they agree; never changes the story
            } else if serverOn != localOn {
                if missing { absent.append(id) } else { states[id] = serverOn }
            }
        }
        if !absent.isEmpty {
            // Asked by id: an item the server still has gives its state now; a purged one changes nothing here,
            // and its story is Brief's own from now on (else it would count among the server's unread forever).
            let found = try await service.items(absent.sorted())
            for item in found {
                states[item.id] = field == .read ? !item.isUnread : item.isStarred
            }
            let kept = Set(found.map(\.id))
            try store.unlinkServerItems(absent.filter { !kept.contains($0) })
        }
        // Queued marks the server confirms are dropped; those it has not taken stay for the next sync.
        report.markedFromServer += try store.applyServerMarks(states, field: field)
    }
}
