import Dispatch
import Synchronization

/// The writer of a two-stage pipeline (`brief import`, the story passes of `brief reannotate` and `brief resection`):
/// stores each unit of prepared stories (a batch of files' stories, a chunk of a feed file's items, a batch of stories
/// tagged again) on a thread of its own, one unit at a time and in the order given, while the caller prepares the next
/// unit on every core; before it, a unit's store and the next unit's tagging took turns, one core idle.
///
/// `store` hands a unit over once the unit before it is stored, so the caller holds at most two units' prepared
/// stories: the one being stored and the one it prepares meanwhile. The first failure stops the writer: no later unit
/// is stored, and the next `store` or `finish` throws it. Each unit is stored as its `store` closure says (in a
/// transaction of its own, in every use).
///
///     let writer = PipelineWriter<ImportOutcome>()
///     for chunk in chunks { try writer.store { try store.importFeedItems(…, items: prepare(chunk), …) } }
///     let outcomes = try writer.finish()
final class PipelineWriter<Outcome: Sendable>: Sendable {
    private let queue = DispatchQueue(label: "brief.pipeline.writer")
    /// Taken while a unit waits or is stored; given back when it is done.
    private let idle = DispatchSemaphore(value: 1)
    private let state = Mutex<(outcomes: [Outcome], failure: (any Error)?)>(([], nil))

    /// Waits for the unit before to be stored, then has `unit` stored next; throws the failure of a unit before.
    func store(_ unit: @escaping @Sendable () throws -> [Outcome]) throws {
        idle.wait()
        if let failure = state.withLock({ $0.failure }) {
            idle.signal()
            throw failure
        }
        queue.async { [self] in
            do {
                let outcomes = try unit()
                state.withLock { $0.outcomes += outcomes }
            } catch {
                state.withLock { $0.failure = error }
            }
            idle.signal()
        }
    }

    /// How many outcomes the units stored so far gave (all of those before the last `store`, at least).
    var storedCount: Int { state.withLock { $0.outcomes.count } }

    /// Waits for the last unit to be stored; returns every unit's outcomes in order, or throws the first failure.
    func finish() throws -> [Outcome] {
        idle.wait()
        defer { idle.signal() }
        let (outcomes, failure) = state.withLock { ($0.outcomes, $0.failure) }
        if let failure { throw failure }
        return outcomes
    }
}
