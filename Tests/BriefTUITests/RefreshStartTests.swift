import BriefLibrary
import BriefModel
import BriefStore
@testable import BriefTUI
import Foundation
import Testing

/// The reader may start before what a feed refresh needs (the entity model) is ready; `R` makes the
/// refresher on its own task, and when that fails it says why and fetches and stores nothing.
@Suite("R with a refresher made on first use")
struct RefreshStartTests {
    private struct DamagedModel: Error, CustomStringConvertible {
        var description: String { "the entity model at /x/ner cannot be read: model.bin:1: malformed model file" }
    }

    @Test("A refresher that cannot be made ends the refresh with its reason and stores nothing")
    func failedRefresherIsReported() async throws {
        // Given a cache with no stories and a refresher factory that fails like a damaged model
        let store = try Store.inMemory()
        let inbox = OperationInbox()
        let background = ReaderApp.refreshInBackground { throw DamagedModel() }
        // When R's effect reaches the background runner
        #expect(background(.refreshFeeds, inbox))
        let posted = try await Self.firstPosted(inbox)
        // Then the refresh finishes with one message naming the model and saying nothing was stored
        guard case let .refreshFinished(message) = posted else {
            Issue.record("expected the refresh to finish, got \(posted)")
            return
        }
        #expect(message.contains("Feeds not refreshed, nothing stored"))
        #expect(message.contains("the entity model at /x/ner cannot be read"))
        #expect(try store.count() == 0)
    }

    @Test("Effects other than the feed refresh are left to the loop")
    func otherEffectsStayInTheLoop() throws {
        let store = try Store.inMemory()
        let background = ReaderApp.refreshInBackground { FeedRefresher(store: store, annotate: { $0 }) }
        #expect(!background(.loadList(unreadOnly: false), OperationInbox()))
        #expect(!background(.loadStory(id: 1), OperationInbox()))
    }

    @Test("A refresher made on first use refreshes: with no feeds it finishes and says so")
    func workingRefresherRuns() async throws {
        let message = try await Self.finishedMessage(store: try Store.inMemory())
        #expect(message?.contains("not refreshed") == false)
    }

    /// Runs the reader's background refresh on `store` (with `keepDays`) and returns its finishing message.
    private static func finishedMessage(store: Store, keepDays: Int? = nil) async throws -> String? {
        let background = ReaderApp.refreshInBackground({ FeedRefresher(store: store, annotate: { $0 }) }, keepDays: keepDays)
        let inbox = OperationInbox()
        #expect(background(.refreshFeeds, inbox))
        let posted = try await firstPosted(inbox, finishing: true)
        guard case let .refreshFinished(message) = posted else {
            Issue.record("expected the refresh to finish, got \(posted)")
            return nil
        }
        return message
    }

    @Test("keep_days prunes old read, unstarred stories after the background refresh, and the message says so")
    func keepDaysPrunes() async throws {
        // Given three stories from 2020, read, one of them starred, and one unread
        let store = try Store.inMemory()
        let old = Date(timeIntervalSince1970: 1_600_000_000)
        let ids = try store.importStories(["Grain corridor reopens", "Embassy moves to new site", "Envoy visits Accra",
                                           "Ceasefire talks resume"].map {
            ImportItem(story: Story(title: $0, sections: [Section(kind: .lede, paragraphs: [Paragraph(text: $0)])]),
                       originalText: $0, source: "Brief Wire", published: old, format: .article)
        }).map(\.id)
        _ = try store.setRead(true, ids: Array(ids.prefix(3)))
        _ = try store.setStarred(true, ids: [ids[0]])
        // When the reader's refresh runs with keep_days = 30
        let message = try await Self.finishedMessage(store: store, keepDays: 30)
        // Then the two read, unstarred stories are gone, and the status line says so
        #expect(message?.hasSuffix(" · 2 old stories pruned (keep_days = 30)") == true, "\(String(describing: message))")
        #expect(Set(try store.summaries().map(\.id)) == [ids[0], ids[3]])
    }

    @Test("The refresh message carries what keep_days pruned")
    func refreshMessageSaysPruned() {
        let report = FeedRefreshReport(feeds: 2, newStories: 3, pruned: 1, keepDays: 7)
        #expect(Reader.refreshFinishedMessage(report)
                == "Refreshed: fetched 2 feeds: 3 new stories, 0 unchanged, 0 failed, 1 old story pruned (keep_days = 7)")
    }

    /// The first operation posted (or, with `finishing`, the first `refreshFinished`). The refresh runs on the
    /// shared task pool, which every other test of a parallel run also queues on: on a busy two-core machine it
    /// waited over a minute for a thread. The wait ends as soon as the operation is there; the ten-minute deadline
    /// only bounds a refresh that never posts.
    static func firstPosted(_ inbox: OperationInbox, finishing: Bool = false) async throws -> ReaderOperation {
        let deadline = Date().addingTimeInterval(600)
        while Date() < deadline {
            for operation in inbox.drain() {
                if !finishing { return operation }
                if case .refreshFinished = operation { return operation }
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw NothingPosted()
    }

    private struct NothingPosted: Error, CustomStringConvertible {
        var description: String { "the background refresh posted nothing within 600 s" }
    }
}
