import CSpawn
import Foundation

/// Opens a story's link in the user's browser, the way newsboat does: `$BROWSER` is a shell command in which
/// `%u` stands for the address (else the address is appended); without one, `xdg-open`. The address is quoted
/// for the shell, so a hostile link cannot run anything, and only web addresses are opened.
public enum LinkOpener {
    /// The shell command that opens `url` with `browser` (`$BROWSER`; nil or blank means `xdg-open`).
    public static func command(for url: String, browser: String?) -> String {
        let browser = browser?.trimmingCharacters(in: .whitespaces) ?? ""
        let program = browser.isEmpty ? "xdg-open" : browser
        let quoted = "'" + url.replacingOccurrences(of: "'", with: "'\\''") + "'"
        return program.contains("%u") ? program.replacingOccurrences(of: "%u", with: quoted) : program + " " + quoted
    }

    /// Checks that `link` is a web address worth handing to a browser: `http` or `https`, with a host, and no
    /// spaces or control characters.
    public static func check(_ link: String?) throws(LinkOpenError) -> String {
        guard let link, !link.isEmpty else { throw .noLink }
        guard !link.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == " " }),
              let components = URLComponents(string: link),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty else {
            throw .notWebAddress(link)
        }
        return link
    }

    /// Runs the browser on `link` and waits for it (a text-mode browser has the terminal until it quits).
    /// Throws when the link is not a web address, or the browser cannot be started or fails.
    public static func open(_ link: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(LinkOpenError) {
        let url = try check(link)
        let browser = environment["BROWSER"]
        // A program that is not there is said in Brief's words, before the shell would print its own.
        guard isInstalled(program(browser), path: environment["PATH"]) else { throw .notFound(program(browser)) }
        let status = try run(["/bin/sh", "-c", command(for: url, browser: browser)], environment: environment,
                             browser: program(browser))
        guard status == 0 else {
            // The shell says 127 when it cannot find the program, 126 when it cannot run it.
            throw status == 127 ? .notFound(program(browser)) : .failed(program(browser), status)
        }
    }

    /// Runs `arguments` with the terminal and the process group of this one (Foundation's `Process` would put
    /// it in a group of its own, and a text-mode browser could not read the keyboard), signals at their defaults
    /// and no descriptor but the standard three, and waits for it. Returns its exit status (128 + the signal's
    /// number when a signal ended it).
    private static func run(_ arguments: [String], environment: [String: String], browser: String)
        throws(LinkOpenError) -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Every signal at its default in the browser: the reader ignores Ctrl-C meanwhile, and that is inherited.
        var every = sigset_t()
        sigfillset(&every)
        posix_spawnattr_setsigdefault(&attributes, &every)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        let strings = arguments.map { strdup($0) } + environment.map { strdup($0.key + "=" + $0.value) }
        defer { for string in strings { free(string) } }
        let argv = Array(strings[..<arguments.count]) + [nil]
        let envp = Array(strings[arguments.count...]) + [nil]
        var pid: pid_t = 0
        // Only the terminal's three descriptors: a browser that outlives the reader keeps none of its files.
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        brief_spawn_close_from(&actions, 3)
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw .cannotStart(browser, String(cString: strerror(spawned))) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// Whether the command's first word names a program that exists: a path to an executable file, or a name
    /// found on `path`. A first word that is shell syntax rather than a name is given the benefit of the doubt.
    static func isInstalled(_ command: String, path: String?) -> Bool {
        guard let first = command.split(whereSeparator: \.isWhitespace).first.map(String.init),
              first.allSatisfy({ $0.isLetter || $0.isNumber || "/._-+".contains($0) }) else { return true }
        if first.contains("/") { return FileManager.default.isExecutableFile(atPath: first) }
        let directories = (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        return directories.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(first)") }
    }

    /// The browser's program, for messages.
    private static func program(_ browser: String?) -> String {
        let trimmed = browser?.trimmingCharacters(in: .whitespaces) ?? ""
        return trimmed.isEmpty ? "xdg-open" : trimmed
    }
}
