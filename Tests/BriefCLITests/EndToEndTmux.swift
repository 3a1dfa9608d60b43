import CSpawn
import Foundation

/// A tmux session on a private socket running one command in a real terminal, for end-to-end tests.
/// Polls the pane instead of sleeping a fixed time, and takes a screen as seen only once two captures in a row
/// agree, so a frame that curses is still drawing is never judged. Every wait happens off Swift's cooperative
/// pool (see `DedicatedThread`).
struct EndToEndTmux: Sendable {
    let socket: String
    let session: String

    enum Failure: Error, CustomStringConvertible {
        case tmux(String)
        case timeout(String, screen: String)
        var description: String {
            switch self {
            case let .tmux(message): "tmux: \(message)"
            case let .timeout(what, screen): "timed out waiting for \(what); the screen was:\n\(screen)"
            }
        }
    }

    /// Starts `command` (a shell command line) in a detached `width`×`height` session.
    static func start(_ command: String, width: Int = 100, height: Int = 30) async throws -> EndToEndTmux {
        let unique = "brief-e2e-\(UUID().uuidString.prefix(8))"
        let tmux = EndToEndTmux(socket: unique, session: unique)
        try await tmux.run(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
                            "-s", unique, command])
        return tmux
    }

    /// A shell command line that runs brief, then reports its exit status and keeps the pane open.
    static func briefCommand(db: URL, home: URL, environment: String = "") -> String {
        let binary = BriefProcess.binaryURL.path
        return "env LANG=C.UTF-8 HOME='\(home.path)' \(environment) '\(binary)' --db '\(db.path)'; "
            + "echo \"brief exited $?\"; sleep 120"
    }

    @discardableResult
    func run(_ args: [String]) async throws -> String {
        try await DedicatedThread.run { try runBlocking(args) }
    }

    private func runBlocking(_ args: [String]) throws -> String {
        let result = try Self.spawn(["tmux", "-u", "-L", socket] + args)
        guard result.status == 0 else {
            throw Failure.tmux("\(args.first(where: { !$0.hasPrefix("-") && $0 != "/dev/null" }) ?? "") failed: \(result.stderr)")
        }
        return result.stdout
    }

    /// Runs a program and waits for it, at most `timeout` seconds, with posix_spawn rather than Foundation's
    /// Process: the tmux server that `new-session` forks would inherit Process's bookkeeping descriptors (so the
    /// client is never reaped) and the test runner's blocked signals (so neither tmux nor brief could be stopped).
    ///
    /// The program gets only its three standard descriptors. The tmux server keeps whatever it inherits for as
    /// long as it runs, so a pipe another test had open at that moment (a `brief` process's output, read to its
    /// end) would never end while this test's reader waits in the pane: that test held a process slot, this one
    /// waited for a slot, and the whole run stopped.
    static func spawn(_ arguments: [String],
                      timeout: TimeInterval = 60) throws -> (status: Int32, stdout: String, stderr: String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("brief-e2e-\(UUID().uuidString)")
        let outPath = base.path + ".out", errPath = base.path + ".err"
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        brief_spawn_close_from(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failure.tmux("cannot run \(arguments[0]): error \(spawned)") }
        guard let status = try Self.reap(pid, timeout: timeout) else {
            throw Failure.tmux("\(arguments.joined(separator: " ")) did not finish in \(Int(timeout)) s; killed")
        }
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return (exitStatus, out, err)
    }

    /// Waits for `pid` to exit and returns its wait status; after `timeout` seconds kills it, reaps it and
    /// returns nil. Polls, starting at a tenth of a millisecond, since a tmux command takes a few.
    private static func reap(_ pid: pid_t, timeout: TimeInterval) throws -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        var pause: useconds_t = 100
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { return status }
            if reaped == -1, errno != EINTR {
                throw Failure.tmux("cannot wait for process \(pid): \(String(cString: strerror(errno)))")
            }
            if Date() >= deadline { break }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
        Glibc.kill(pid, SIGKILL)
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        return nil
    }

    /// The pane as text lines.
    func capture() async throws -> [String] {
        try await run(["capture-pane", "-p", "-t", session]).components(separatedBy: "\n")
    }

    /// Sends keys as tmux names them (`Enter`, `Up`, `q`, `C-c`).
    func send(_ keys: String...) async throws {
        try await run(["send-keys", "-t", session] + keys)
    }

    func resize(width: Int, height: Int) async throws {
        try await run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the pane until `condition` holds on a settled screen (two captures in a row alike), returning it;
    /// throws with the last screen on timeout. The default minute is generous on purpose: a debug build of brief
    /// on a busy 2-core machine can take seconds to answer a key.
    @discardableResult
    func waitUntil(_ what: String, timeout: TimeInterval = 60,
                   _ condition: ([String]) -> Bool) async throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var previous: [String]?
        var screen: [String] = []
        while Date() < deadline {
            screen = try await capture()
            if screen == previous, condition(screen) { return screen }
            previous = screen
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failure.timeout(what, screen: screen.joined(separator: "\n"))
    }

    /// Polls until `text` is on a settled screen.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 60) async throws -> [String] {
        try await waitUntil("\"\(text)\"", timeout: timeout) { $0.contains { $0.contains(text) } }
    }

    /// Ends the session and its server (blocking briefly: it runs from `defer`, which cannot await).
    func kill() {
        _ = try? runBlocking(["kill-server"])
        let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(directory)/tmux-\(getuid())/\(socket)")
    }
}
