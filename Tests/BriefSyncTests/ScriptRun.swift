import Foundation

/// Runs a project script to completion within a deadline, off the cooperative pool (a termination handler, not a
/// blocking wait), and fails with the script's own error line.
enum ScriptRun {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    struct Output: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ executable: URL, _ arguments: [String], input: String?, timeout: Double = 300) async throws {
        let output = try await capture(executable, arguments, input: input, timeout: timeout)
        guard output.status == 0 else {
            throw Failure(description: "\(executable.lastPathComponent) \(arguments.first ?? "") exited \(output.status): \(output.stderr)")
        }
    }

    /// Runs `executable` (with `environment` as its whole environment when given) and returns its status and output;
    /// `started` gets the process id once it runs (a test may kill it).
    static func capture(_ executable: URL, _ arguments: [String], input: String?, environment: [String: String]? = nil,
                        timeout: Double = 300, started: @Sendable (Int32) -> Void = { _ in }) async throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = SyncServer.repository
        if let environment { process.environment = environment }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        // Both pipes drained while it runs, so a chatty process cannot block on a full pipe.
        let collected = CollectedOutput(stdout: stdout, stderr: stderr)
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
                return
            }
            started(process.processIdentifier)
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
        let (out, err) = collected.wait()
        return Output(status: status, stdout: out, stderr: err)
    }
}
