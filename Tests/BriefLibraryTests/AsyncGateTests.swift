import Synchronization
import Testing
@testable import BriefLibrary

@Suite("AsyncGate: at most its permits inside at once")
struct AsyncGateTests {
    /// Tasks inside the gate now, the most at once, and how many went through.
    final class Tally: Sendable {
        let counts = Mutex((now: 0, most: 0, through: 0))
    }

    @Test("Twelve tasks through a gate of one, then of two: never more inside than its permits, and every task gets through",
          arguments: [1, 2])
    func permits(_ permits: Int) async {
        let gate = AsyncGate(permits: permits)
        let tally = Tally()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    await gate.enter()
                    tally.counts.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
                    // Suspends while inside, so the other tasks run and try to enter meanwhile.
                    for _ in 0..<20 { await Task.yield() }
                    tally.counts.withLock { $0.now -= 1; $0.through += 1 }
                    await gate.leave()
                }
            }
        }
        let seen = tally.counts.withLock { $0 }
        #expect(seen.through == 12)
        #expect(seen.most == permits)
    }
}
