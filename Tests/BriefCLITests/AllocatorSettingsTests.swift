@testable import brief
import Foundation
import Testing

@Suite("The allocator's large blocks")
struct AllocatorSettingsTests {
    /// The process's resident memory in kB (`VmRSS`).
    private static func residentKB() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") })
        return try #require(Int(line.split(separator: " ")[1]))
    }

    /// A block of `bytes`, every page written, so that it is resident.
    private static func touchedBlock(_ bytes: Int) -> UnsafeMutableRawPointer {
        let block = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 16)
        block.initializeMemory(as: UInt8.self, repeating: 1, count: bytes)
        return block
    }

    @Test("Once applied, a large block freed goes back to the system, even after one of its size was freed before")
    func largeBlocksReturn() throws {
        // Given the threshold fixed, as `brief` does at start
        #expect(AllocatorSettings.apply(environment: [:]))
        // And a 24 MB block freed once: left to itself, glibc would now serve blocks of that size from its heap
        let size = 24 << 20
        Self.touchedBlock(size).deallocate()
        // When another is filled and freed, then the process's resident memory drops by most of it at once. Tests in
        // the same process run beside this one and allocate too: one that fills pages between the two readings hides
        // the drop, so a few tries are allowed; an allocator that keeps the block fails them all.
        var readings: [(filled: Int, freed: Int)] = []
        for _ in 0..<8 {
            let block = Self.touchedBlock(size)
            let filled = try Self.residentKB()
            block.deallocate()
            readings.append((filled, try Self.residentKB()))
            if filled - readings[readings.count - 1].freed > 16 * 1024 { break }
        }
        #expect(readings.contains { $0.filled - $0.freed > 16 * 1024 }, "resident kB filled → freed: \(readings)")
    }

    @Test("A user's own allocator settings are left alone")
    func userSettingsWin() {
        #expect(!AllocatorSettings.apply(environment: ["GLIBC_TUNABLES": "glibc.malloc.mmap_threshold=1048576"]))
        #expect(!AllocatorSettings.apply(environment: ["MALLOC_MMAP_THRESHOLD_": "65536"]))
    }
}
