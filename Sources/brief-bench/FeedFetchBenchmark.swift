import BriefFeeds
import BriefLibrary
import BriefModel
import BriefResources
import BriefStore
import BriefTagger
import Foundation
import Synchronization

/// `brief-bench feeds [FEEDS] [ITEMS] [--untagged] [--jobs N]`: serves FEEDS (default 20) generated RSS feeds of
/// ITEMS (default 500) wire stories each (a headline and five paragraphs; about 20 MB in all) from an in-process
/// server on 127.0.0.1, then refreshes them into a fresh cache file through `FeedRefresher` (fetch, parse, section,
/// tag, store) and reports the wall time, the process's CPU time and peak memory; then refreshes again, when every
/// feed answers 304, and reports that time too. `--untagged` skips the tagger, to separate its cost; `--keep` leaves the
/// filled cache file in place and prints its path, to study its tables.
///
/// `--news [PATH[,PATH…]]` makes the bodies real news text (`NewsTextGenerator`: the CoNLL-2003 training documents at
/// PATH, default `../shared/data/conll2003/train.txt`, read at run time, mixed with the sample briefings; more corpora
/// after commas widen the vocabulary). The cache's size is reported, and when `newsboat` is on the PATH (and
/// `--no-newsboat` is not given) it reloads the same feeds from the same server with `reload-threads` equal to the
/// jobs, and its wall, CPU, peak memory and cache size are reported beside Brief's with the ratios. `--process` runs
/// the first fetch as `brief fetch` (the `brief` beside this benchmark) in a child process, measured as newsboat is
/// (`ChildMeasurement`): without it, Brief's peak memory and CPU include the benchmark's own (the served feeds, about
/// 17 MB, and the server's work). `--runs N` measures N rounds, each on a fresh cache (Brief, then newsboat), and
/// ends with the medians of the wall times and of the rounds' ratios.
enum FeedFetchBenchmark {
    @Sendable static func run(_ args: [String]) throws {
        func value(after option: String) -> Int? {
            args.firstIndex(of: option).flatMap { args.dropFirst($0 + 1).first.flatMap(Int.init) }
        }
        // FEEDS and ITEMS: the numbers that are not an option's value.
        let numbers = args.indices.filter { $0 == 0 || !["--jobs", "--runs"].contains(args[$0 - 1]) }
            .compactMap { Int(args[$0]) }
        let feedCount = numbers.first ?? 20, itemCount = numbers.dropFirst().first ?? 500
        let jobs = value(after: "--jobs") ?? 4
        let runs = max(1, value(after: "--runs") ?? 1)
        let untagged = args.contains("--untagged")

        var bodies: [String: Data] = [:]
        if let news = args.firstIndex(of: "--news") {
            let given = args.dropFirst(news + 1).first.flatMap { $0.hasPrefix("--") || Int($0) != nil ? nil : $0 }
            let paths = (given ?? "../shared/data/conll2003/train.txt").split(separator: ",").map(String.init)
            let samples = try? BriefResources.locateRoot().appendingPathComponent("samples")
            let generator = try NewsTextGenerator(conllPaths: paths, samplesDirectory: samples)
            print("news text: \(generator.documentCount) CoNLL documents from \(paths.joined(separator: ", ")), "
                  + "with the sample briefings")
            for feed in 0..<feedCount {
                bodies["/feed-\(feed).xml"] = Data(rss(feed: feed, items: itemCount) { generator.item($0) }.utf8)
            }
        } else {
            var generator = ImportBenchmark.StoryGenerator(seed: 2026)
            for feed in 0..<feedCount {
                bodies["/feed-\(feed).xml"] = Data(rss(feed: feed, items: itemCount) { number in
                    let paragraphs = generator.story(number: number).split(separator: "\n\n").map(String.init)
                    return (paragraphs.first ?? "Untitled", Array(paragraphs.dropFirst().prefix(5)))
                }.utf8)
            }
        }
        let bytes = bodies.values.reduce(0) { $0 + $1.count }
        print("serving \(feedCount) feeds × \(itemCount) items, \(String(format: "%.1f", Double(bytes) / 1_000_000)) MB")
        let server = try BenchFeedServer(bodies: bodies)
        defer { server.stop() }

        let loadStart = Date()
        let annotate: @Sendable (Story) -> Story
        if untagged {
            annotate = { $0 }
            print("entity model: not used (--untagged)")
        } else {
            let annotator = StoryAnnotator(tagger: try Tagger.load(from: BriefResources.nerModel))
            annotate = annotator.annotate
            print("entity model: loaded in \(seconds(since: loadStart))")
        }
        if args.contains("--store-only") {
            let work = FileManager.default.temporaryDirectory
                .appendingPathComponent("brief-bench-feeds-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: work) }
            try storeOnly(bodies: bodies, annotate: annotate, directory: work)
            return
        }
        var rounds: [(brief: Double, newsboat: Double?)] = []
        for round in 1...runs {
            if runs > 1 { print("run \(round) of \(runs):") }
            rounds.append(try measure(args, server: server, feedCount: feedCount, jobs: jobs, annotate: annotate))
        }
        if runs > 1 { summarise(rounds) }
    }

    /// One round: a fresh cache subscribed to the served feeds, Brief's first fetch and an unchanged refetch, the
    /// cache's size, then newsboat's reload of the same feeds when asked. Returns both wall times.
    private static func measure(_ args: [String], server: BenchFeedServer, feedCount: Int, jobs: Int,
                                annotate: @escaping @Sendable (Story) -> Story)
        throws -> (brief: Double, newsboat: Double?) {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("brief-bench-feeds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let keep = args.contains("--keep")
        defer {
            if keep { print("cache kept: \(work.path)/brief.sqlite") } else { try? FileManager.default.removeItem(at: work) }
        }
        let cachePath = work.appendingPathComponent("brief.sqlite").path
        let store = try Store(path: cachePath)
        for feed in 0..<feedCount { try store.addFeed(url: server.url("/feed-\(feed).xml")) }
        let refresher = FeedRefresher(store: store, annotate: annotate)

        let wall: Double, cpu: Double, peakKB: Int
        if args.contains("--process") {
            // `brief fetch` as a child process, measured as newsboat is: its figures hold none of the benchmark's
            // own (the served feeds, the generator, the in-process server's work), and include its start and model load.
            let brief = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
                .appendingPathComponent("brief")
            let home = work.appendingPathComponent("brief-home")
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            let run = try ChildMeasurement.run(brief, arguments: ["--db", cachePath, "fetch", "--jobs", "\(jobs)"],
                                               environment: ["HOME": home.path, "XDG_CONFIG_HOME": home.path,
                                                             "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
            (wall, cpu, peakKB) = (run.wall, run.cpu, run.peakKB)
            print(String(format: "first fetch (brief fetch --jobs %d, a child process, exit %d): %.3f s — %d stories",
                         jobs, run.status, wall, try store.count()))
            print(String(format: "  CPU time %.2f s (%.2f cores busy on average; %.0f µs per story)", cpu, cpu / wall,
                         cpu / Double(max(1, try store.count())) * 1_000_000))
            print("peak memory (VmHWM of brief fetch): \(peakKB) kB")
        } else {
            let firstStart = Date(), firstCPU = cpuSeconds()
            let first = wait { await refresher.refreshAll(jobs: jobs) }
            (wall, cpu) = (Date().timeIntervalSince(firstStart), cpuSeconds() - firstCPU)
            print("first fetch (jobs \(jobs)): \(seconds(since: firstStart)) — \(first.summary)")
            // On a shared machine the wall time depends on the load; CPU time says what the work costs.
            print(String(format: "  CPU time %.2f s (%.2f cores busy on average; %.0f µs per story)", cpu, cpu / wall,
                         cpu / Double(max(1, first.newStories)) * 1_000_000))
            for failure in first.failed.prefix(3) { print("  failed: \(failure)") }
            print("peak memory (VmHWM): \(peakMemory())")
            peakKB = peakMemoryKB()
        }

        let secondStart = Date()
        let second = wait { await refresher.refreshAll(jobs: jobs) }
        print("unchanged refetch: \(seconds(since: secondStart)) — \(second.summary)")
        print("stories in cache: \(try store.count())")
        let withWAL = NewsboatComparison.bytes(ofFilesStartingWith: cachePath)
        // What stays on disk once Brief exits: the last connection to close writes the log back and deletes it.
        try store.checkpoint()
        let cacheBytes = NewsboatComparison.bytes(ofFilesStartingWith: cachePath)
        print(String(format: "cache: %.1f MB (brief.sqlite as Brief leaves it; %.1f MB with the WAL while open)",
                     Double(cacheBytes) / 1_000_000, Double(withWAL) / 1_000_000))
        var newsboat: Double?
        if args.contains("--news") && !args.contains("--no-newsboat") {
            newsboat = NewsboatComparison.run(urls: (0..<feedCount).map { server.url("/feed-\($0).xml") }, jobs: jobs,
                                              directory: work, brief: (wall, cpu, peakKB, cacheBytes))
        }
        return (wall, newsboat)
    }

    /// `--runs N`: the medians of the rounds' wall times and of their ratios, each ratio taken within its round (the
    /// two programs ran seconds apart, so a machine that slows or speeds up between rounds moves both).
    private static func summarise(_ rounds: [(brief: Double, newsboat: Double?)]) {
        func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            return sorted.count % 2 == 1 ? sorted[sorted.count / 2]
                : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
        let brief = rounds.map(\.brief)
        var line = String(format: "over %d runs: brief fetch wall median %.3f s (%.3f–%.3f)", rounds.count,
                          median(brief), brief.min() ?? 0, brief.max() ?? 0)
        let pairs = rounds.compactMap { round in round.newsboat.map { (round.brief, $0) } }
        if pairs.count == rounds.count {
            let newsboat = pairs.map(\.1), ratios = pairs.map { $0.0 / max($0.1, 1e-9) }
            line += String(format: ", newsboat reload median %.3f s (%.3f–%.3f); brief / newsboat wall median %.2fx "
                           + "(%.2fx–%.2fx)", median(newsboat), newsboat.min() ?? 0, newsboat.max() ?? 0,
                           median(ratios), ratios.min() ?? 0, ratios.max() ?? 0)
        }
        print(line)
    }

    /// `--store-only`: parses, sections and tags every feed first, then times storing them alone (one transaction
    /// per feed, as a refresh does), to see the cache's share of a refresh.
    private static func storeOnly(bodies: [String: Data], annotate: @escaping @Sendable (Story) -> Story,
                                  directory: URL) throws {
        let prepared = try bodies.keys.sorted().map { path in
            let document = try FeedParser.parse(bodies[path] ?? Data(), url: URL(fileURLWithPath: path))
            return (path, FeedImportItem.prepare(document.items, source: document.title, annotate: annotate))
        }
        let store = try Store(path: directory.appendingPathComponent("store-only.sqlite").path)
        let start = Date(), cpu = cpuSeconds()
        var stored = 0
        for (path, items) in prepared { stored += try store.importFeedItems(feedURL: path, items: items).count }
        let wall = Date().timeIntervalSince(start)
        print(String(format: "store only: %d stories in %.3f s (%.0f µs per story; CPU %.2f s)", stored, wall,
                     wall / Double(max(1, stored)) * 1_000_000, cpuSeconds() - cpu))
    }

    /// One feed as RSS 2.0 with the stories' paragraphs as HTML in `content:encoded`; `story` gives story number n's
    /// headline and paragraphs.
    static func rss(feed: Int, items: Int, story: (Int) -> (title: String, paragraphs: [String])) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
            <title>Bench Desk \(feed)</title><link>https://desk\(feed).example/</link>

            """
        for item in 0..<items {
            let (title, paragraphs) = story(feed * items + item)
            let body = paragraphs.map { "<p>\(escape($0))</p>" }.joined()
            xml += "<item><guid isPermaLink=\"false\">desk-\(feed)-\(item)</guid>"
                + "<link>https://desk\(feed).example/\(item)</link><title>\(escape(title))</title>"
                + "<pubDate>Tue, 03 Nov 2026 10:00:00 GMT</pubDate>"
                + "<content:encoded><![CDATA[\(body)]]></content:encoded></item>\n"
        }
        return xml + "</channel></rss>\n"
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }

    /// Runs `work` to completion from the benchmark's synchronous main.
    static func wait<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let box = Mutex<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            let value = await work()
            box.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        return box.withLock { $0 }!
    }

    private static func seconds(since start: Date) -> String {
        String(format: "%.3f s", Date().timeIntervalSince(start))
    }

    /// User and system CPU time of this process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// This process's peak resident memory in kB (VmHWM), 0 when unknown.
    private static func peakMemoryKB() -> Int {
        Int(peakMemory().split(separator: " ").first ?? "") ?? 0
    }

    private static func peakMemory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return "unknown" }
        return line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces)
    }
}
