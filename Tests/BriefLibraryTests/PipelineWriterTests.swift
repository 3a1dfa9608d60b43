@testable import BriefLibrary
import BriefStore
import Dispatch
import Testing

@Suite("The pipeline's writer: units stored in order on a thread of their own")
struct PipelineWriterTests {
    private struct Failed: Error, Equatable { var unit: Int }

    @Test("A unit is stored while the caller goes on to prepare the next, and the outcomes come back in order")
    func overlaps() throws {
        let writer = PipelineWriter<ImportOutcome>()
        let prepared = DispatchSemaphore(value: 0)
        // Given a first unit whose store waits until the caller has prepared the second (ten seconds at most)
        try writer.store {
            guard prepared.wait(timeout: .now() + 10) == .success else { throw Failed(unit: 1) }
            return [.new(1), .existing(7)]
        }
        // When the caller prepares the second meanwhile and hands it over
        prepared.signal()
        try writer.store { [.new(2)] }
        // Then both are stored, in order: the first was stored while the caller went on (handed over inline, its
        // store would have waited for the second to be prepared and failed)
        #expect(try writer.finish() == [.new(1), .existing(7), .new(2)])
    }

    @Test("The first failure stops the writer: no later unit is stored, and the caller gets that failure")
    func failureStops() throws {
        let writer = PipelineWriter<ImportOutcome>()
        let later = DispatchSemaphore(value: 0)
        try writer.store { [.new(1)] }
        try writer.store { throw Failed(unit: 2) }
        // When a third unit is handed over after the second failed
        #expect(throws: Failed(unit: 2)) {
            try writer.store {
                later.signal()
                return [.new(3)]
            }
        }
        // Then it never ran, and finishing gives the failure too
        #expect(later.wait(timeout: .now()) == .timedOut)
        #expect(throws: Failed(unit: 2)) { try writer.finish() }
    }

    @Test("Files are imported in batches of the importer's size, the last one cut in two when large enough")
    func batches() {
        for count in [0, 1, 59, 60, 255, 256, 257, 600, 1000] {
            let batches = Importer.batches(count, size: 256)
            // Then the batches cover every file once, in order, none larger than the batch size
            #expect(batches.map(\.count).reduce(0, +) == count, "\(count)")
            #expect(zip(batches, batches.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound }, "\(count)")
            #expect(batches.first?.lowerBound ?? 0 == 0 && batches.allSatisfy { !$0.isEmpty && $0.count <= 256 })
            // And the last batch of 60 files or more (before the cut) is stored in two parts, the first the larger
            let whole = count == 0 ? 0 : count - (count - 1) / 256 * 256
            if whole >= 60, let last = batches.last, let before = batches.dropLast().last {
                #expect(last.count == whole / 3 && before.count == whole - whole / 3, "\(count)")
            } else {
                #expect(batches.last?.count ?? 0 == whole, "\(count)")
            }
        }
    }
}
