import BriefLibrary
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
        let store = try Store.inMemory()
        let background = ReaderApp.refreshInBackground { FeedRefresher(store: store, annotate: { $0 }) }
        let inbox = OperationInbox()
        #expect(background(.refreshFeeds, inbox))
        let posted = try await Self.firstPosted(inbox, finishing: true)
        guard case let .refreshFinished(message) = posted else {
            Issue.record("expected the refresh to finish, got \(posted)")
            return
        }
        #expect(!message.contains("not refreshed"))
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
