@testable import brief
import Foundation
import Testing

@Suite("The allocator's large blocks")
struct AllocatorSettingsTests {
    /// A block of `bytes`, every page written, so that it is resident.
    private static func touchedBlock(_ bytes: Int) -> UnsafeMutableRawPointer {
        let block = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 16)
        block.initializeMemory(as: UInt8.self, repeating: 1, count: bytes)
        return block
    }

    /// Whether glibc served `block` (from `malloc`) with a mapping of its own, which `free` unmaps: the IS_MMAPPED
    /// bit (2) of the size word just before the block.
    private static func isMapped(_ block: UnsafeMutableRawPointer) -> Bool {
        block.load(fromByteOffset: -MemoryLayout<Int>.size, as: Int.self) & 2 != 0
    }

    @Test("Once applied, a large block gets a mapping of its own, even after one of its size was freed before")
    func largeBlocksReturn() throws {
        // Given the threshold fixed, as `brief` does at start
        #expect(AllocatorSettings.apply(environment: [:]))
        // And a 24 MB block freed once: left to itself, glibc would now serve blocks of that size from its heap
        let size = 24 << 20
        Self.touchedBlock(size).deallocate()
        // When blocks of that size are taken until the heap's free memory is used up. Tests in the same process run
        // beside this one, so the heap may hold hundreds of MB freed: a block is served from them while they last
        // (resident memory then says nothing; an earlier version of this test compared it and failed so). The
        // blocks are never written: 64 of them are only address space.
        var held: [UnsafeMutableRawPointer] = []
        defer { held.forEach { $0.deallocate() } }
        var mapped = false
        for _ in 0..<64 {
            let block = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
            held.append(block)
            if Self.isMapped(block) {
                mapped = true
                break
            }
        }
        // Then the first that needs new memory is mapped on its own, so freeing it gives it back to the system; an
        // allocator that kept the raised threshold grows its heap for every one of them instead
        #expect(mapped, "none of \(held.count) blocks of 24 MB had a mapping of its own")
    }

    @Test("A user's own allocator settings are left alone")
    func userSettingsWin() {
        #expect(!AllocatorSettings.apply(environment: ["GLIBC_TUNABLES": "glibc.malloc.mmap_threshold=1048576"]))
        #expect(!AllocatorSettings.apply(environment: ["MALLOC_MMAP_THRESHOLD_": "65536"]))
    }
}
