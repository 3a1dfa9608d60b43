import Foundation

/// Release-build benchmarks: `swift run -c release brief-bench NAME [ARGS…]`; each prints its figures.
@main
enum BriefBench {
    /// Each benchmark registers one line here.
    static let benchmarks: [String: @Sendable ([String]) throws -> Void] = [
        "feedparse": FeedParseBenchmark.run,
        "sectioner": SectionerBenchmark.run,
        "import": ImportBenchmark.run,
        "tagger": TaggerBenchmark.run,
        "tui": TUIBenchmark.run,
        "startup": StartupBenchmark.run,
        "stress": StressBenchmark.run,
        "feeds": FeedFetchBenchmark.run,
        "daily": DailyBenchmark.run,
        "sync": SyncBenchmark.run,
    ]

    static func main() {
        var args = Array(CommandLine.arguments.dropFirst())
        guard let name = args.first, let bench = benchmarks[name] else {
            let known = benchmarks.keys.sorted().joined(separator: ", ")
            FileHandle.standardError.write(Data("usage: brief-bench NAME [ARGS…]; NAME is one of: \(known)\n".utf8))
            exit(2)
        }
        args.removeFirst()
        do {
            try bench(args)
        } catch {
            FileHandle.standardError.write(Data("brief-bench \(name): \(error)\n".utf8))
            exit(1)
        }
    }
}
