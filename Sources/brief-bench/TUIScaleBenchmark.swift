import CSpawn
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `brief-bench tui --scale [STORIES] [RUNS]`: the reader on a library of `STORIES` (100,000) stories, against
/// issue 16's targets — the first frame of the real `brief` binary (beside this one) under 0.2 s, every key under
/// 16 ms (the list, the entity index, the page of the most mentioned entity, search), the reader's memory under
/// 100 MB after opening that largest entity page, and `brief count` under 50 ms.
///
/// The cache is built once by `TUILibraryBenchmark.build` and kept between runs in the temporary directory, named
/// with the generator's version and the story count (`brief-bench-library-g1-100000.sqlite`); a build cut short
/// leaves no `.built` mark beside it and is started again. Each figure is the median of `RUNS` (9) runs, after one
/// warm-up run; the keys are timed in a fresh process (`tui --library`), as the reader runs them.
/// `--model-at-start` sets `refresh_on_start` in the reader's config, so the entity model loads while the first
/// frame is drawn, as every reader did before it loaded the model only when a refresh needs it.
enum TUIScaleBenchmark {
    /// Changes whenever `TUILibraryBenchmark.build` makes different stories, so an old cache is not reused.
    static let generatorVersion = 1

    static func run(_ arguments: [String]) throws {
        let modelAtStart = arguments.contains("--model-at-start")
        let args = arguments.filter { $0 != "--model-at-start" }
        let count = args.first.flatMap(Int.init) ?? 100_000
        let runs = args.dropFirst().first.flatMap(Int.init) ?? 9
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("brief").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw StartupBenchmarkError("no brief binary at \(binary): build it too (swift build -c release --product brief)")
        }
        print("tui scale: load average \(loadAverage()) at the start")
        let cache = try preparedCache(count: count)
        // A cache kept from an older Brief is converted by its first open (which can take longer than a frame's
        // wait): open it once, untimed, before anything is measured.
        let opened = try timedCount(binary: binary, cache: cache, count: count)
        print(String(format: "tui scale: opened the cache once, untimed (converting a kept cache if needed): %.0f ms", opened))
        // An empty config directory, so the user's own config plays no part.
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("brief-bench-scale-config-\(getpid())")
        try FileManager.default.createDirectory(at: config.appendingPathComponent("brief"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: config) }
        if modelAtStart {
            try Data("refresh_on_start = true\n".utf8).write(to: config.appendingPathComponent("brief/config.toml"))
            print("tui scale: refresh_on_start = true (the entity model loads at start)")
        }

        var frames: [Double] = []
        for run in 0...runs {
            let started = try StartupBenchmark.once(binary: binary, cache: cache, config: config.path, count: count)
            if run > 0 { frames.append(started.frame) }
        }
        TUIBenchmark.report("scale: brief start → first full frame, \(count) stories (target 200 ms)", frames)

        var counts: [Double] = []
        for run in 0...runs {
            let time = try timedCount(binary: binary, cache: cache, count: count)
            if run > 0 { counts.append(time) }
        }
        TUIBenchmark.report("scale: brief count, process start to exit (target 50 ms)", counts)

        // The largest entity page: the index lists the most mentioned entity first; Enter opens its page.
        let page = try StartupBenchmark.once(binary: binary, cache: cache, config: config.path, count: count,
                                             steps: [("e", "t type"), ("\r", "at the mention")])
        print("tui scale: brief's peak memory (VmHWM) after e and Enter on the most mentioned entity: "
              + "\(page.peakMemory ?? "unknown") (target 100 MB)")

        // Every key, in a process of its own, as the reader runs it.
        let keys = Process()
        keys.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        keys.arguments = ["tui", "--library", cache]
        try keys.run()
        keys.waitUntilExit()
        print("tui scale: load average \(loadAverage()) at the end")
    }

    /// The cache of `count` generated stories, built the first time (a few minutes for 100,000) and kept.
    static func preparedCache(count: Int) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("brief-bench-library-g\(generatorVersion)-\(count).sqlite").path
        let mark = path + ".built"
        if FileManager.default.fileExists(atPath: mark) {
            print("tui scale: reusing \(path)")
            return path
        }
        for file in [path, path + "-wal", path + "-shm"] { try? FileManager.default.removeItem(atPath: file) }
        let started = ContinuousClock.now
        try TUILibraryBenchmark.build(path: path, count: count)
        let elapsed = ContinuousClock.now - started
        guard FileManager.default.createFile(atPath: mark, contents: Data()) else {
            throw StartupBenchmarkError("cannot write \(mark), which marks the cache as whole")
        }
        print(String(format: "tui scale: built %@ (%d stories) in %.1f s", path, count,
                     Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        return path
    }

    /// Milliseconds from starting `brief count --db CACHE` to its exit; checks that it printed `count`. Spawned and
    /// reaped directly (`posix_spawn`, `waitpid`): Foundation's `Process.waitUntilExit` polls its run loop and added
    /// up to 50 ms to a command that takes 30.
    private static func timedCount(binary: String, cache: String, count: Int) throws -> Double {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw StartupBenchmarkError("pipe failed: \(String(cString: strerror(errno)))") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        brief_spawn_close_from(&actions, 3)
        let arguments = [binary, "count", "--db", cache]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started = ContinuousClock.now
        let spawned = posix_spawn(&pid, binary, &actions, nil, &argv, environ)
        close(pipeEnds[1])
        defer { close(pipeEnds[0]) }
        guard spawned == 0 else { throw StartupBenchmarkError("cannot start \(binary): \(String(cString: strerror(spawned)))") }
        var printed = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let got = buffer.withUnsafeMutableBytes { read(pipeEnds[0], $0.baseAddress, $0.count) }
            if got > 0 { printed += buffer[0..<got]; continue }
            if got < 0, errno == EINTR { continue }
            break
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let elapsed = ContinuousClock.now - started
        // A normal exit with status 0: the low seven bits (the signal) and the exit code are zero.
        guard status == 0, String(decoding: printed, as: UTF8.self) == "\(count)\n" else {
            throw StartupBenchmarkError("brief count printed \(String(decoding: printed, as: UTF8.self).debugDescription), "
                                        + "wait status \(status)")
        }
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }

    /// The 1, 5 and 15 minute load averages, as /proc/loadavg gives them.
    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "unknown"
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}
