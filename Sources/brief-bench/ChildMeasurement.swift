import Foundation

/// One program run as a child of the benchmark, measured the same way whatever it is (`brief fetch`, `newsboat`):
/// wall time from start until it is seen to exit (polled every 20 ms), CPU time from `getrusage(RUSAGE_CHILDREN)`
/// (the benchmark starts no other child meanwhile), and peak memory as its VmHWM read from /proc while it runs (a
/// child's `ru_maxrss` starts from its parent's at the fork).
struct ChildMeasurement {
    var wall: Double
    var cpu: Double
    var peakKB: Int
    var status: Int32

    /// Runs `executable` with `arguments` and `environment`, its output discarded; throws when it cannot start.
    static func run(_ executable: URL, arguments: [String], environment: [String: String]) throws -> ChildMeasurement {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let before = childCPU()
        let start = Date()
        try process.run()
        var peakKB = 0
        while process.isRunning {
            peakKB = max(peakKB, residentPeakKB(process.processIdentifier))
            usleep(20_000)
        }
        let wall = Date().timeIntervalSince(start)
        process.waitUntilExit()
        return ChildMeasurement(wall: wall, cpu: childCPU() - before, peakKB: peakKB, status: process.terminationStatus)
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
