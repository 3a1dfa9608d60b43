import Foundation

/// How `brief` asks glibc's allocator to treat large blocks, set once at start.
///
/// glibc serves a block of 128 KiB or more with a mapping of its own, returned to the system when freed, but it
/// raises that threshold to the size of every such block freed (up to 32 MiB): after the first feed body or chunk of
/// stories is freed, blocks of that size come from the heap instead, where what is freed stays in the process and
/// in pieces. A fetch frees such blocks all the time, so its resident memory grew with its length. With the
/// threshold fixed at 256 KiB, `brief-bench feeds 100 1000 --news --process` peaked at 176 MB instead of 195 MB
/// (204–205 MB instead of 259 MB with two more corpora widening the vocabulary), and the 12,000 stories of four feed
/// files imported at 193 MB instead of 228 MB, for twice the page faults (0.25 s more system time in 22 s of CPU).
/// A user's own `GLIBC_TUNABLES` or `MALLOC_MMAP_THRESHOLD_` is left to decide.
enum AllocatorSettings {
    /// Blocks this large or larger are mapped on their own and unmapped when freed.
    static let mmapThreshold = 256 * 1024

    /// `M_MMAP_THRESHOLD` of glibc's `<malloc.h>`.
    private static let mmapThresholdParameter: Int32 = -3

    /// Fixes the threshold unless the environment already sets the allocator's; true when it was set here.
    @discardableResult
    static func apply(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        if environment["MALLOC_MMAP_THRESHOLD_"] != nil
            || environment["GLIBC_TUNABLES"]?.contains("glibc.malloc.") == true { return false }
        // `mallopt` is in `<malloc.h>`, which the Glibc module leaves out; it is looked up in the process.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        return mallopt(mmapThresholdParameter, Int32(mmapThreshold)) == 1
    }
}
