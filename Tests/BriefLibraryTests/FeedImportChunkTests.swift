@testable import BriefLibrary
import BriefStore
import Testing

@Suite("A feed's items cut into chunks")
struct FeedImportChunkTests {
    @Test("A last chunk is split only when both parts are worth a transaction, the part stored first the larger")
    func finalPart() {
        for count in 0...(2 * FeedImportItem.chunkSize) {
            guard let final = FeedImportItem.finalPart(of: count) else {
                // Then a small chunk stays whole
                #expect(count < 60, "\(count)")
                continue
            }
            // Then the last part is a third of the chunk: the rest, stored while it is tagged, is the larger
            #expect(final >= 20 && final < count && count - final >= final, "\(count): \(final)")
        }
    }
}
