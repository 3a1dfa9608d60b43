/// Lets at most `permits` tasks through at once; the others wait, suspended rather than blocking a thread, in the
/// order they came.
actor AsyncGate {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(permits: Int) {
        free = max(1, permits)
    }

    /// Returns once this task may go on; pair with `leave()`.
    func enter() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Lets the next waiting task through (or frees a permit when none waits).
    func leave() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
