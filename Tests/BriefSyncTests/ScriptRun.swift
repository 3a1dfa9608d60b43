import Foundation

/// Runs a project script to completion within a deadline, off the cooperative pool (a termination handler, not a
/// blocking wait), and fails with the script's own error line.
enum ScriptRun {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func run(_ executable: URL, _ arguments: [String], input: String?, timeout: Double = 300) async throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = SyncServer.repository
        let stdin = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
                return
            }
            // A script that exits before reading its input must not take the test process down with SIGPIPE.
            signal(SIGPIPE, SIG_IGN)
            if let input { try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8)) }
            try? stdin.fileHandleForWriting.close()
            let pid = process.processIdentifier
            Thread.detachNewThread {
                let deadline = Date().addingTimeInterval(timeout)
                while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
                if process.isRunning { kill(pid, SIGKILL) }
            }
        }
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard status == 0 else {
            throw Failure(description: "\(executable.lastPathComponent) \(arguments.first ?? "") exited \(status): \(message)")
        }
    }
}
