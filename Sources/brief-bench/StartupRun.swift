/// What one start of `brief` took (`StartupBenchmark.once`): milliseconds to the first full frame and to the exit,
/// and, when keys were typed, the process's peak memory (VmHWM, as /proc shows it) after the last of them.
struct StartupRun {
    var frame: Double
    var exit: Double
    var peakMemory: String?
}
