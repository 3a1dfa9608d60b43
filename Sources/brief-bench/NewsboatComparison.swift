import Foundation

/// newsboat reloading the same feeds as `brief-bench feeds --news`, for the figures side by side: `newsboat -x
/// reload` with its own cache and config in the benchmark's directory and `reload-threads` equal to Brief's jobs.
/// Its CPU time is the child's (`getrusage(RUSAGE_CHILDREN)`: the benchmark starts no other child meanwhile); its
/// peak memory is its VmHWM, read while it runs.
enum NewsboatComparison {
    /// Runs newsboat when it is on the PATH and prints its figures and Brief's ratios to them; says so when it is not.
    static func run(urls: [String], jobs: Int, directory: URL,
                    brief: (wall: Double, cpu: Double, peakKB: Int, cacheBytes: Int)) {
        guard let newsboat = executable("newsboat") else {
            print("newsboat: not installed (apt-get install newsboat), no comparison")
            return
        }
        let home = directory.appendingPathComponent("newsboat")
        try? FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let urlFile = home.appendingPathComponent("urls"), config = home.appendingPathComponent("config")
        let cache = home.appendingPathComponent("cache.db")
        do {
            try Data((urls.joined(separator: "\n") + "\n").utf8).write(to: urlFile)
            try Data("reload-threads \(jobs)\nshow-read-feeds yes\n".utf8).write(to: config)
        } catch {
            print("newsboat: could not write its files: \(error)")
            return
        }
        let process = Process()
        process.executableURL = newsboat
        process.arguments = ["-x", "reload", "-u", urlFile.path, "-c", cache.path, "-C", config.path]
        process.environment = ["HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let before = childCPU()
        let start = Date()
        do {
            try process.run()
        } catch {
            print("newsboat: could not start: \(error)")
            return
        }
        // Its peak memory from /proc while it runs: a child's ru_maxrss starts from its parent's at the fork.
        var peakKB = 0
        while process.isRunning {
            peakKB = max(peakKB, residentPeakKB(process.processIdentifier))
            usleep(20_000)
        }
        process.waitUntilExit()
        let wall = Date().timeIntervalSince(start)
        let after = childCPU()
        let cpu = after - before
        let cacheBytes = bytes(ofFilesStartingWith: cache.path)
        print(String(format: "newsboat %@ reload (reload-threads %d, exit %d): %.3f s wall, CPU %.2f s, peak memory %d kB, cache %.1f MB",
                     newsboatVersion(newsboat), jobs, process.terminationStatus, wall, cpu, peakKB,
                     Double(cacheBytes) / 1_000_000))
        func ratio(_ a: Double, _ b: Double) -> String { b > 0 ? String(format: "%.2fx", a / b) : "n/a" }
        print("brief / newsboat: wall \(ratio(brief.wall, wall)), CPU \(ratio(brief.cpu, cpu)), peak memory "
              + "\(ratio(Double(brief.peakKB), Double(peakKB))), cache \(ratio(Double(brief.cacheBytes), Double(cacheBytes)))")
    }

    /// The total size of `path` and the files beside it whose names start with its name (a WAL, a journal).
    static func bytes(ofFilesStartingWith path: String) -> Int {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix(url.lastPathComponent) }.reduce(0) { total, name in
            let size = (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path))?[.size]
            return total + ((size as? NSNumber)?.intValue ?? 0)
        }
    }

    private static func executable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    private static func newsboatVersion(_ newsboat: URL) -> String {
        let process = Process()
        process.executableURL = newsboat
        process.arguments = ["-v"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return "?" }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // "newsboat 2.21.0 - https://newsboat.org/"
        return output.split(separator: "\n").first.map { $0.split(separator: " ").dropFirst().first.map(String.init) ?? "?" } ?? "?"
    }

    /// CPU seconds (user and system) of the reaped children so far.
    private static func childCPU() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Process `pid`'s peak resident memory so far in kB (VmHWM), 0 when it cannot be read.
    private static func residentPeakKB(_ pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return Int(line.dropFirst("VmHWM:".count).split(whereSeparator: \.isWhitespace).first ?? "") ?? 0
    }
}
