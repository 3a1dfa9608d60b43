import Foundation

/// At most as many `brief` processes at once as the machine has cores (two at least).
///
/// The CLI tests wait for their processes off Swift's cooperative pool (see `DedicatedThread`), so nothing else
/// would bound how many run: Swift Testing starts every test at once, and fifty `brief` processes loading the
/// entity model on two cores make each take minutes. A test waiting for a slot is suspended, holding no thread.
actor ProcessSlots {
    static let shared = ProcessSlots(count: max(2, ProcessInfo.processInfo.activeProcessorCount))

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(count: Int) {
        free = count
    }

    /// Runs `work` once a slot is free, and frees it after.
    func withSlot<Value: Sendable>(_ work: @Sendable () async throws -> Value) async rethrows -> Value {
        await acquire()
        defer { release() }
        return try await work()
    }

    private func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
