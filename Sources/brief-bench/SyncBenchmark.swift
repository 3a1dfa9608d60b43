import BriefLibrary
import BriefModel
import BriefResources
import BriefStore
import BriefSync
import BriefTagger
import Foundation

/// `brief-bench sync [ITEMS] [MARKS] [--untagged]`: against the local tt-rss of `scripts/ttrss-server start`, makes a
/// user of its own with one feed of ITEMS (default 5,000) generated wire stories, then times, into a fresh cache:
/// the first sync (every item received, sectioned, tagged and stored); a second sync with nothing new; and a sync
/// pushing MARKS (default 1,000) queued read marks. Each figure says how much of it was spent waiting for the server.
/// The user and its feed file are deleted at the end.
enum SyncBenchmark {
    @Sendable static func run(_ args: [String]) throws {
        let numbers = args.compactMap(Int.init)
        let itemCount = numbers.first ?? 5_000, markCount = numbers.dropFirst().first ?? 1_000
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let environment = try serverEnvironment(root)
        guard let base = environment["TTRSS_URL"].flatMap(URL.init(string:)), let feedsDirectory = environment["TTRSS_FEEDS_DIR"],
              let feedsURL = environment["TTRSS_FEEDS_URL"] else {
            throw BenchError("no tt-rss running: run scripts/ttrss-server install && scripts/ttrss-server start here")
        }
        let user = "brief_bench_\(UUID().uuidString.prefix(8).lowercased())"
        let password = UUID().uuidString
        try script(root, ["adduser", user, password])
        let fileName = "\(user).xml"
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("brief-bench-sync-\(UUID().uuidString)")
        defer {
            try? script(root, ["deluser", user])
            try? FileManager.default.removeItem(atPath: feedsDirectory + "/" + fileName)
            try? FileManager.default.removeItem(at: work)
        }
        var generator = ImportBenchmark.StoryGenerator(seed: 2026)
        let feed = FeedFetchBenchmark.rss(feed: 0, items: itemCount) { number in
            let paragraphs = generator.story(number: number).split(separator: "\n\n").map(String.init)
            return (paragraphs.first ?? "Untitled", Array(paragraphs.dropFirst().prefix(5)))
        }
            .replacingOccurrences(of: "Tue, 03 Nov 2026 10:00:00 GMT", with: rfc822(Date()))
        try feed.write(toFile: feedsDirectory + "/" + fileName, atomically: true, encoding: .utf8)

        let client = TTRSSClient(baseURL: base, user: user, password: password)
        let feedID = FeedFetchBenchmark.wait { try? await client.subscribe(to: feedsURL + fileName) }
        guard let feedID else { throw BenchError("tt-rss refused the subscription to \(feedsURL + fileName)") }
        let fetchStart = Date()
        try script(root, ["update", String(feedID)])
        // What the update left for autovacuum is done now, not during the sync timed.
        try script(root, ["settle"])
        print(String(format: "tt-rss fetched the feed of %d items in %.1f s (not counted)", itemCount,
                     Date().timeIntervalSince(fetchStart)))

        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let store = try Store(path: work.appendingPathComponent("brief.sqlite").path)
        try store.setSyncAccount(kind: "ttrss", url: base.absoluteString, user: user)
        var annotate: @Sendable (Story) -> Story = { $0 }
        if !args.contains("--untagged") {
            annotate = StoryAnnotator(tagger: try Tagger.load(from: BriefResources.nerModel)).annotate
        }
        let service = TimedSyncService(TTRSSService(client: TTRSSClient(baseURL: base, user: user, password: password)))
        let engine = SyncEngine(store: store, service: service, annotate: annotate)

        let first = measure("first sync", engine, service)
        guard first.failures.isEmpty, first.newStories == itemCount else {
            throw BenchError("first sync: \(first.newStories) new of \(itemCount); \(first.failures.joined(separator: "; "))")
        }
        _ = measure("sync with nothing new", engine, service)

        let stories = Array(try store.serverItems().values.sorted().prefix(markCount))
        try store.setRead(true, ids: stories)
        let pushed = measure("sync pushing \(stories.count) marks", engine, service)
        print(String(format: "  of which updateArticle calls: %.3f s; marks pushed %d, waiting %d", service.total("set"),
                     pushed.pushed, pushed.waiting))
    }

    private static func measure(_ label: String, _ engine: SyncEngine, _ service: TimedSyncService) -> SyncReport {
        service.reset()
        let start = Date(), cpu = FeedFetchBenchmark.cpuSeconds(), serverCPU = serverCPUSeconds()
        let report = FeedFetchBenchmark.wait { await engine.run() }
        let wall = Date().timeIntervalSince(start)
        let server = serverCPUSeconds()
        print(String(format: "%@: %.3f s wall (waiting on the server %.3f s; CPU: Brief %.2f s, PHP %.2f s, PostgreSQL %.2f s); %@",
                     label, wall, service.total(), FeedFetchBenchmark.cpuSeconds() - cpu, server.php - serverCPU.php,
                     server.postgres - serverCPU.postgres, report.summary))
        return report
    }

    /// The CPU seconds the server's own processes have used (`php` workers; `postgres`, with the finished
    /// connection backends its postmaster reaped), from /proc: the server's own time, apart from waiting.
    private static func serverCPUSeconds() -> (php: Double, postgres: Double) {
        var php = 0.0, postgres = 0.0
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        for pid in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] where Int(pid) != nil {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { continue }
            let name = stat[stat.index(after: open)..<close]
            guard name == "php" || name == "postgres" else { continue }
            // After the name: state is field 3; utime, stime, cutime, cstime are fields 14 to 17.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 15 else { continue }
            let seconds = fields[11...14].compactMap { Double($0) }.reduce(0, +) / ticks
            if name == "php" { php += seconds } else { postgres += seconds }
        }
        return (php, postgres)
    }

    private static func serverEnvironment(_ root: URL) throws -> [String: String] {
        let text = (try? String(contentsOf: root.appendingPathComponent(".build-sync/ttrss.env"), encoding: .utf8)) ?? ""
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { values[parts[0]] = parts[1] }
        }
        return values
    }

    private static func script(_ root: URL, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = root.appendingPathComponent("scripts/ttrss-server")
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("scripts/ttrss-server \(arguments[0]) failed") }
    }

    private static func rfc822(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
