import Foundation

/// Runs blocking work — waiting for a child process, polling a terminal — on a thread of its own.
///
/// Swift Testing runs tests in parallel on Swift's cooperative pool, which has one thread per core: two on a
/// 2-core machine. A test that blocks a pool thread while `brief` runs takes it from every other test, and async
/// tests elsewhere (a feed fetch, a background refresh) then wait for seconds without doing anything. Tests
/// await this instead, so their waiting holds no pool thread.
enum DedicatedThread {
    static func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
