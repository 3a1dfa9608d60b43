import Foundation
import Synchronization

/// A child's stdout and stderr, each read to its end on a thread of its own.
final class CollectedOutput: Sendable {
    private let texts = Mutex<[Int: String]>([:])
    private let done = DispatchGroup()

    init(stdout: Pipe, stderr: Pipe) {
        for (index, pipe) in [stdout, stderr].enumerated() {
            done.enter()
            let handle = pipe.fileHandleForReading
            Thread.detachNewThread {
                let text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
                self.texts.withLock { $0[index] = text }
                self.done.leave()
            }
        }
    }

    /// Both texts once both pipes are closed.
    func wait() -> (stdout: String, stderr: String) {
        done.wait()
        return texts.withLock { ($0[0] ?? "", $0[1] ?? "") }
    }
}
