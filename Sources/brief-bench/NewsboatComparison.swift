import Foundation

/// newsboat reloading the same feeds as `brief-bench feeds --news`, for the figures side by side: `newsboat -x
/// reload` with its own cache and config in the benchmark's directory and `reload-threads` equal to Brief's jobs.
/// It is measured as a child (`ChildMeasurement`), as `brief fetch` is with `--process`.
enum NewsboatComparison {
    /// Runs newsboat when it is on the PATH and prints its figures and Brief's ratios to them; says so when it is not.
    /// Returns newsboat's wall time, nil when it did not run or failed.
    @discardableResult
    static func run(urls: [String], jobs: Int, directory: URL,
                    brief: (wall: Double, cpu: Double, peakKB: Int, cacheBytes: Int)) -> Double? {
        guard let newsboat = executable("newsboat") else {
            print("newsboat: not installed (apt-get install newsboat), no comparison")
            return nil
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
            return nil
        }
        let run: ChildMeasurement
        do {
            run = try ChildMeasurement.run(newsboat, arguments: ["-x", "reload", "-u", urlFile.path, "-c", cache.path,
                                                                 "-C", config.path],
                                           environment: ["HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
        } catch {
            print("newsboat: could not start: \(error)")
            return nil
        }
        let (wall, cpu, peakKB) = (run.wall, run.cpu, run.peakKB)
        let cacheBytes = bytes(ofFilesStartingWith: cache.path)
        print(String(format: "newsboat %@ reload (reload-threads %d, exit %d): %.3f s wall, CPU %.2f s, peak memory %d kB, cache %.1f MB",
                     newsboatVersion(newsboat), jobs, run.status, wall, cpu, peakKB,
                     Double(cacheBytes) / 1_000_000))
        func ratio(_ a: Double, _ b: Double) -> String { b > 0 ? String(format: "%.2fx", a / b) : "n/a" }
        print("brief / newsboat: wall \(ratio(brief.wall, wall)), CPU \(ratio(brief.cpu, cpu)), peak memory "
              + "\(ratio(Double(brief.peakKB), Double(peakKB))), cache \(ratio(Double(brief.cacheBytes), Double(cacheBytes)))")
        return run.status == 0 ? wall : nil
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
}
