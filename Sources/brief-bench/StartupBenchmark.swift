import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `brief-bench startup [RUNS] [STORIES]`: process start → first full frame of the real `brief` binary (the
/// release build beside this one) on a cache of `STORIES` (10 000) generated stories, on a pseudo-terminal of
/// 120×40. Each run spawns `brief --db CACHE`, reads the terminal until the list's title bar and its status
/// bar (the frame's first and last rows) have been written, sends `Q` and waits for the exit. Prints the
/// median and worst of `RUNS` (9) runs, and the same for the time until the process has exited again; then, in one
/// more run, the reader's peak memory after opening the long story and going to its end.
enum StartupBenchmark {
    static func run(_ args: [String]) throws {
        let runs = args.first.flatMap(Int.init) ?? 9
        let count = args.dropFirst().first.flatMap(Int.init) ?? 10_000
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("brief")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw StartupBenchmarkError("no brief binary at \(binary.path): build it too (swift build -c release --product brief)")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brief-bench-startup-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = directory.appendingPathComponent("library.sqlite").path
        try TUILibraryBenchmark.build(path: cache, count: count)
        // An empty config directory, so the user's own config plays no part.
        let config = directory.appendingPathComponent("config")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        print("startup: \(binary.path) on \(count) stories, 120×40 pseudo-terminal, \(runs) runs (one warm-up run first)")

        var frames: [Double] = []
        var exits: [Double] = []
        for run in 0...runs {
            let started = try once(binary: binary.path, cache: cache, config: config.path, count: count)
            if run == 0 { continue }  // the first run warms the file cache
            frames.append(started.frame)
            exits.append(started.exit)
        }
        TUIBenchmark.report("startup: process start → first full frame", frames)
        TUIBenchmark.report("startup: process start → exit after Q", exits)
        // One more run for the reader's peak memory: open the newest story (the 1,000-paragraph one) and go
        // to its end, then read the process's high-water mark before quitting.
        let peak = try once(binary: binary.path, cache: cache, config: config.path, count: count,
                            steps: [("\r", "q back"), ("G", "End")]).peakMemory
        print("startup: brief's peak memory (VmHWM) after opening the 1,000-paragraph story and G: \(peak ?? "unknown")")
    }

    /// One start of `brief` on a fresh pseudo-terminal. After the first frame, each of `steps` types its keys and
    /// waits (10 s at most) until the terminal has shown its text; the peak memory is read after the last.
    static func once(binary: String, cache: String, config: String, count: Int,
                     steps: [(keys: String, until: String)] = []) throws -> StartupRun {
        let master = PseudoTerminal.openMaster()
        guard master >= 0, let name = PseudoTerminal.slaveName(master) else {
            throw StartupBenchmarkError("cannot open a pseudo-terminal")
        }
        defer { close(master) }
        var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let slave = open(name, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw StartupBenchmarkError("cannot open \(name)") }
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: true)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--db", cache]
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment["XDG_CONFIG_HOME"] = config
        environment["LINES"] = "40"
        environment["COLUMNS"] = "120"
        environment.removeValue(forKey: "NO_COLOR")
        process.environment = environment
        process.standardInput = terminal
        process.standardOutput = terminal
        process.standardError = terminal

        let started = ContinuousClock.now
        try process.run()
        try? terminal.close()
        // The list's title bar ("… unread of N") is the frame's first row, the status bar's hints its last.
        var output = [UInt8]()
        let seen = try readUntil(master, &output, timeout: .seconds(10)) { text in
            // (With refresh_on_start the status bar says the refresh is running instead of the hints.)
            text.contains("unread of \(count)") && (text.contains("all read") || text.contains("Refreshing feeds"))
        }
        let frame = milliseconds(ContinuousClock.now - started)
        guard seen else {
            process.terminate()
            throw StartupBenchmarkError("no first frame within 10 s; the terminal showed: "
                                        + String(decoding: output.suffix(400), as: UTF8.self).debugDescription)
        }
        var peak: String?
        for step in steps {
            // Only what is written after the keys counts: the text may have been on an earlier screen.
            output = []
            send(step.keys, to: master)
            guard try readUntil(master, &output, timeout: .seconds(10), { $0.contains(step.until) }) else {
                process.terminate()
                throw StartupBenchmarkError("typing \(step.keys.debugDescription) did not show \(step.until.debugDescription) "
                                            + "within 10 s: " + String(decoding: output.suffix(400), as: UTF8.self).debugDescription)
            }
        }
        if !steps.isEmpty {
            let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
            peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
                .map { $0.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces) }
        }
        send("Q", to: master)
        // Keep reading so the child never blocks on a full terminal while it restores the screen.
        _ = try readUntil(master, &output, timeout: .seconds(10)) { _ in !process.isRunning }
        process.waitUntilExit()
        let exit = milliseconds(ContinuousClock.now - started)
        guard process.terminationStatus == 0 else {
            throw StartupBenchmarkError("brief exited with status \(process.terminationStatus)")
        }
        return StartupRun(frame: frame, exit: exit, peakMemory: peak)
    }

    /// Types `text` into the terminal.
    private static func send(_ text: String, to fd: Int32) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count) }
    }

    /// Reads the pseudo-terminal into `output` until `done` holds for what was read, or the time is up.
    private static func readUntil(_ fd: Int32, _ output: inout [UInt8], timeout: Duration,
                                  _ done: (String) -> Bool) throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while ContinuousClock.now < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 5)
            if ready > 0 {
                let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if got > 0 { output += buffer[0..<got] }
                // EIO: the child has closed the terminal.
                if got <= 0, !done(String(decoding: output, as: UTF8.self)) { return false }
            }
            if done(String(decoding: output, as: UTF8.self)) { return true }
        }
        return false
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}
