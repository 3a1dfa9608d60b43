import BriefStore
import Dispatch
import Synchronization

/// A pass over stored stories (re-sectioning, re-annotation), `batchSize` stories at a time: a batch is made ready on
/// every core (`prepare`: read, section, tag) while the batch before it is stored on the writer's thread
/// (`PipelineWriter`), in one transaction (`store`). A pass killed at any moment leaves each story either as it was or
/// wholly updated, and can simply be run again; a story removed meanwhile is passed over, and one whose text in the
/// cache is damaged is left as it is and named in the outcome.
enum StoryPass {
    /// Stories a batch and a transaction. One story a transaction wrote every page it touched (16 KB each) to the
    /// write-ahead log for each story, on one core: re-tagging 3,000 stories took 25–30 s, 4–5 s of it in the
    /// kernel (6.7 s in batches on two cores).
    static let batchSize = 64

    /// Prepares each id in order, `batchSize` at a time on every core (`prepare` gives nil for a story that is gone,
    /// and throws `StoreError.damagedStory` for one it cannot read), and stores each batch's prepared stories with
    /// `store`, which says for each whether it was updated; calls `progress(done, total)` for each story once it is
    /// stored (or passed over). Returns how many were updated and which could not be read.
    static func run<Prepared: Sendable>(_ ids: [Int64], progress: (Int, Int) -> Void,
                                        prepare: @escaping @Sendable (Int64) throws -> Prepared?,
                                        store: @escaping @Sendable ([Prepared]) throws -> [Bool])
        throws -> StoryPassOutcome {
        var outcome = StoryPassOutcome()
        let writer = PipelineWriter<Bool>()
        var reported = 0
        func report(upTo done: Int) {
            while reported < done {
                reported += 1
                progress(reported, ids.count)
            }
        }
        for start in stride(from: 0, to: ids.count, by: batchSize) {
            let batch = Array(ids[start..<min(start + batchSize, ids.count)])
            let results = Mutex<[Result<Prepared?, any Error>]>(Array(repeating: .success(nil), count: batch.count))
            DispatchQueue.concurrentPerform(iterations: batch.count) { k in
                let result = Result { try prepare(batch[k]) }
                results.withLock { $0[k] = result }
            }
            var ready: [Prepared?] = []
            for result in results.withLock({ $0 }) {
                switch result {
                case .success(let prepared):
                    ready.append(prepared)
                case .failure(StoreError.noSuchStory):
                    ready.append(nil)
                case .failure(StoreError.damagedStory(let id)):
                    outcome.damaged.append(id)
                    ready.append(nil)
                case .failure(let error):
                    // The batch before is stored (or has failed) before the pass stops.
                    _ = try? writer.finish()
                    throw error
                }
            }
            // One outcome a story of the batch, in order: whether it was updated.
            try writer.store { [ready] in
                var stored = try store(ready.compactMap { $0 }).makeIterator()
                return ready.map { $0 == nil ? false : stored.next() ?? false }
            }
            report(upTo: writer.storedCount)
        }
        let updated = try writer.finish()
        report(upTo: updated.count)
        outcome.updated = updated.filter { $0 }.count
        return outcome
    }
}
