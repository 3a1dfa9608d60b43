@testable import BriefLibrary
import BriefStore
import Testing

@Suite("A feed's items cut into chunks")
struct FeedImportChunkTests {
    @Test("A last chunk is cut into parts, each two thirds of what is left and worth a transaction, the last smallest")
    func finalParts() {
        for count in 0...(2 * FeedImportItem.chunkSize) {
            let sizes = FeedImportItem.finalParts(of: count)
            // Then the parts cover the chunk, in order
            #expect(sizes.reduce(0, +) == count, "\(count): \(sizes)")
            guard sizes.count > 1 else {
                // A small chunk stays whole
                #expect(count < 60, "\(count)")
                continue
            }
            // Each part but the last is two thirds of what was left, and the last is small but worth its transaction
            var rest = count
            for size in sizes.dropLast() {
                #expect(size == rest - rest / 3 && rest >= 60, "\(count): \(sizes)")
                rest -= size
            }
            #expect(sizes.last == rest && rest >= 20 && rest < 60, "\(count): \(sizes)")
        }
        // A feed of 500 items ends with 55 stored alone, not 166
        #expect(FeedImportItem.finalParts(of: 500) == [334, 111, 55])
    }

    @Test("A run cut for storing keeps its items in order: whole unless it is the last")
    func parts() {
        let run = Array(0..<500)
        #expect(FeedImportItem.parts(run[...], last: false).map(Array.init) == [run])
        let parts = FeedImportItem.parts(run[...], last: true)
        #expect(parts.map(\.count) == [334, 111, 55])
        #expect(parts.flatMap { Array($0) } == run)
        #expect(FeedImportItem.parts(run[0..<0], last: true).map(\.count) == [0])
    }
}
