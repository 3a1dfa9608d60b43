import Synchronization

/// The knowledge-base records decoded so far, by line number, shared by every copy of one `KnowledgeBase` and every
/// thread tagging with it. Decoding a record makes a string of each field and each alias; a story links the same
/// few hundred well-known names (`LOC:united-states`) over and over, so a lookup mostly finds its record here.
/// Holds at most `limit` records; past that it starts again empty.
final class KnowledgeRecordCache: Sendable {
    static let limit = 50_000
    private let records = Mutex<[Int: KnowledgeBase.Record]>([:])

    /// The record on line `index`, decoded by `decode` when it is not held yet.
    func record(_ index: Int, decode: (Int) -> KnowledgeBase.Record) -> KnowledgeBase.Record {
        if let held = records.withLock({ $0[index] }) { return held }
        let decoded = decode(index)
        records.withLock {
            if $0.count >= Self.limit { $0.removeAll(keepingCapacity: true) }
            $0[index] = decoded
        }
        return decoded
    }
}
