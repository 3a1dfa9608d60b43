import Foundation

/// The CPU time a process has used so far, for tests that prove a wait sleeps rather than spins.
public enum ProcessCPU {
    /// User and system time of every thread of process `pid`, in clock ticks (`ticksPerSecond`); nil once it is gone.
    public static func ticks(_ pid: Int32) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // After the command's closing parenthesis: state is field 3, utime 14 and stime 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }

    public static var ticksPerSecond: Int { sysconf(Int32(_SC_CLK_TCK)) }
}
