/// Why the start-up benchmark could not run.
struct StartupBenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
