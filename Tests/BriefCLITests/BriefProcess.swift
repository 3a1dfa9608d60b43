import Foundation

/// Runs the built `brief` binary the way a user or script would, and captures what it prints.
struct BriefProcess {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `brief` executable next to the test bundle (SwiftPM builds every product before `swift test`).
    static var binaryURL: URL {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        // The test runner sits inside `<products>/BriefPackageTests.xctest` on Linux.
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("brief").path),
              dir.path != "/" {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("brief")
    }

    /// A `brief` process still running after its time: killed, and the test fails with what it had printed.
    struct Overdue: Error, CustomStringConvertible {
        var arguments: [String]
        var seconds: Int
        var printed: Result
        var description: String {
            "brief \(arguments.joined(separator: " ")) still ran after \(seconds) s and was killed; "
                + "stdout: \(printed.stdout.suffix(2_000).debugDescription), stderr: \(printed.stderr.suffix(2_000).debugDescription)"
        }
    }

    /// Runs `brief args…` with `environment` added to a minimal environment, feeding `stdin` if given, and waits
    /// for it on a thread of its own (see `DedicatedThread`), once one of the `ProcessSlots` is free. `binary`
    /// defaults to the built `brief`; a test may run a copy placed elsewhere. A process that runs longer than
    /// `timeout` seconds (far more than any test's command takes on a busy machine) is killed and throws
    /// `Overdue`, so a hang fails one test instead of stopping the run.
    static func run(_ args: [String], environment: [String: String] = [:], stdin: Data? = nil,
                    binary: URL = binaryURL, timeout: TimeInterval = 600) async throws -> Result {
        try await ProcessSlots.shared.withSlot {
            try await DedicatedThread.run {
                try runBlocking(args, environment: environment, stdin: stdin, binary: binary, timeout: timeout)
            }
        }
    }

    private static func runBlocking(_ args: [String], environment: [String: String], stdin: Data?,
                                    binary: URL, timeout: TimeInterval) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = args
        var env = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8"]
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe(), inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        let watchdog = Watchdog(process, after: timeout)
        // Drain both pipes concurrently so a large output cannot deadlock the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if let stdin { inp.fileHandleForWriting.write(stdin) }
        try? inp.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let result = Result(status: process.terminationStatus,
                            stdout: String(decoding: outData, as: UTF8.self),
                            stderr: String(decoding: errData, as: UTF8.self))
        guard watchdog.stop() else { throw Overdue(arguments: args, seconds: Int(timeout), printed: result) }
        return result
    }

    /// Waits for a process a test started itself, on a thread of its own (see `DedicatedThread`); kills it after
    /// `timeout` seconds and throws `Overdue`.
    static func waitForExit(_ process: Process, timeout: TimeInterval = 600) async throws {
        try await DedicatedThread.run {
            let watchdog = Watchdog(process, after: timeout)
            process.waitUntilExit()
            guard watchdog.stop() else {
                throw Overdue(arguments: process.arguments ?? [], seconds: Int(timeout),
                              printed: Result(status: process.terminationStatus, stdout: "", stderr: ""))
            }
        }
    }

    /// A fresh temporary directory for one test's cache and inputs.
    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("brief-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
