import Foundation

/// Kills a child process that is still running after a deadline. `stop()` disarms it once the caller has
/// waited for the process, and says whether the process ended on its own.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private var fired = false

    init(_ process: Process, after seconds: TimeInterval) {
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
            lock.withLock {
                // Still running means not yet reaped, so the pid is still the child's.
                guard !stopped, process.isRunning else { return }
                fired = true
                kill(process.processIdentifier, SIGKILL)
            }
        }
    }

    /// Disarms the watchdog; true when it never had to kill.
    func stop() -> Bool {
        lock.withLock {
            stopped = true
            return !fired
        }
    }
}
