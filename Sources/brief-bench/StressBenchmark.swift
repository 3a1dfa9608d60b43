import BriefModel
import BriefStore
import Foundation
import Synchronization

/// The parts of `scripts/stress` that need Brief's own code rather than the `brief` binary:
///
/// - `brief-bench stress generate DIR COUNT [FIRST]`: writes COUNT generated wire stories (numbered from FIRST)
///   to DIR as `story-NNNNN.txt`.
/// - `brief-bench stress check DB [--read IDS_FILE] [--count N]`: opens the cache and fails (exit 1, one line per
///   problem) unless SQLite's integrity check passes, every stored story is whole (its sections and paragraphs
///   are exactly those of its own source text), no story is stored twice, every id in IDS_FILE is still read,
///   and (with `--count`) there are exactly N stories.
/// - `brief-bench stress bounds CASE`: one bounds case in this process (`feed-items N [short]`, `entity-bomb`), printing
///   its outcome and this process's peak memory, so the script can measure each case on its own; a refused input
///   is reported on stderr with exit status 1, lost items or expanded entities are failures (exit 1, `brief-bench`).
enum StressBenchmark {
    @Sendable static func run(_ args: [String]) throws {
        guard let verb = args.first else { throw StressFailure("usage: stress generate|check|bounds …") }
        let rest = Array(args.dropFirst())
        switch verb {
        case "generate": try generate(rest)
        case "check": try check(rest)
        case "bounds": try bounds(rest)
        default: throw StressFailure("unknown stress verb \(verb)")
        }
    }

    // MARK: - generate

    private static func generate(_ args: [String]) throws {
        guard args.count >= 2, let count = Int(args[1]) else { throw StressFailure("usage: stress generate DIR COUNT [FIRST]") }
        let first = args.count > 2 ? Int(args[2]) ?? 0 : 0
        let directory = URL(fileURLWithPath: args[0])
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var generator = ImportBenchmark.StoryGenerator(seed: 7_919 &+ UInt64(first))
        for number in first..<(first + count) {
            // The number in the headline keeps every story distinct whatever the generator picks.
            let text = "Briefing \(number): " + generator.story(number: number)
            try Data(text.utf8).write(to: directory.appendingPathComponent(String(format: "story-%05d.txt", number)))
        }
    }

    // MARK: - check

    private static func check(_ args: [String]) throws {
        guard let path = args.first else { throw StressFailure("usage: stress check DB [--read IDS_FILE] [--count N]") }
        var readIDs: [Int64] = []
        var expectedCount: Int?
        var index = 1
        while index + 1 < args.count {
            switch args[index] {
            case "--read":
                let text = try String(contentsOfFile: args[index + 1], encoding: .utf8)
                readIDs = text.split(whereSeparator: \.isWhitespace).compactMap { Int64($0) }
            case "--count":
                expectedCount = Int(args[index + 1])
            default:
                throw StressFailure("unknown option \(args[index])")
            }
            index += 2
        }

        let store = try Store(path: path)
        var problems = try store.integrityProblems()
        let summaries = try store.summaries()
        var titles = Set<String>()
        for summary in summaries where !titles.insert(summary.title).inserted {
            problems.append("story \"\(summary.title)\" stored twice")
        }
        // Each story against its own source text, on every core (the cache allows concurrent readers).
        let storyProblems = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: summaries.count) { index in
            let summary = summaries[index]
            let problem: String?
            do {
                if let stored = try store.story(id: summary.id), let text = try store.originalText(id: summary.id) {
                    let parsed = ArticleParser.parse(text, format: SourceFormat.guess(path: summary.source)).story
                    problem = shape(stored.story) == shape(parsed) ? nil
                        : "story \(summary.id) is not whole: \(shape(stored.story).count) of "
                          + "\(shape(parsed).count) sections and paragraphs stored"
                } else {
                    problem = "story \(summary.id) listed but cannot be read"
                }
            } catch {
                problem = "story \(summary.id) cannot be read: \(error)"
            }
            if let problem { storyProblems.withLock { $0.append(problem) } }
        }
        problems += storyProblems.withLock { $0.sorted() }
        let byID = Dictionary(summaries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let lost = readIDs.filter { byID[$0]?.readAt == nil }
        if !lost.isEmpty { problems.append("\(lost.count) read marks lost (ids \(lost.prefix(10).map(String.init)))") }
        if let expectedCount, summaries.count != expectedCount {
            problems.append("\(summaries.count) stories, expected \(expectedCount)")
        }
        if problems.isEmpty {
            print("ok: \(summaries.count) stories, \(summaries.filter { $0.readAt != nil }.count) read, integrity ok")
        } else {
            for problem in problems { print("problem: \(problem)") }
            exit(1)
        }
    }

    /// A story's structure as text lines (kind, heading, paragraph text), mentions left aside.
    private static func shape(_ story: Story) -> [String] {
        story.sections.flatMap { section in
            ["\(section.kind.rawValue) \(section.title ?? "")"] + section.paragraphs.map(\.text)
        }
    }

    // MARK: - bounds

    private static func bounds(_ args: [String]) throws {
        let start = ContinuousClock.now
        var outcome: String
        var refused = false
        switch args.first {
        case "feed-items":
            let count = args.dropFirst().first.flatMap(Int.init) ?? 100_000
            let data = Data(feed(items: count, short: args.contains("short")).utf8)
            do {
                let document = try FeedParser.parse(data)
                outcome = "parsed \(document.items.count) of \(count) items from \(data.count / 1_000_000) MB"
                if document.items.count != count { throw StressFailure("\(outcome): items were lost") }
            } catch let error as FeedParseError {
                outcome = "refused: \(error)"
                refused = true
            }
        case "entity-bomb":
            do {
                let document = try FeedParser.parse(Data(entityBomb.utf8))
                let longest = document.items.map { $0.articleText.utf8.count + $0.title.utf8.count }.max() ?? 0
                outcome = "parsed \(document.items.count) items, longest text \(longest) bytes (entities not expanded)"
                if longest > 1_000_000 { throw StressFailure("\(outcome): the entities were expanded") }
            } catch let error as FeedParseError {
                outcome = "refused: \(error)"
                refused = true
            }
        default:
            throw StressFailure("usage: stress bounds feed-items [N] [short] | entity-bomb")
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let line = String(format: "%@: %@; %.2f s; peak memory %d KB", args[0], outcome, seconds, peakKilobytes())
        // A refusal is an outcome, not a failure of the benchmark: it goes to stderr with status 1, like brief's.
        if refused {
            FileHandle.standardError.write(Data((line + "\n").utf8))
            exit(1)
        }
        print(line)
    }

    /// This process's peak resident memory (VmHWM) in KB, or 0 if unknown.
    private static func peakKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return Int(line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces).split(separator: " ")[0]) ?? 0
    }

    /// An RSS 2.0 feed of `items` invented items (about 330 bytes each, or 90 when `short`).
    private static func feed(items: Int, short: Bool) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Stress Desk</title><link>https://stress.example/</link>

            """
        xml.reserveCapacity(items * 330)
        for n in 0..<items {
            if short {
                xml += "<item><title>Round \(n)</title><guid>s-\(n)</guid><description>Talks.</description></item>\n"
                continue
            }
            xml += """
                <item><title>Envoys meet for round \(n) of the harbour talks</title>\
                <link>https://stress.example/items/\(n)</link><guid isPermaLink="false">stress-\(n)</guid>\
                <pubDate>Tue, \(1 + n % 28) Jun 2025 12:00:00 +0000</pubDate>\
                <description>&lt;p&gt;Delegations met again on day \(n) and agreed to keep the ferry \
                timetable &amp;amp; the grain corridor open.&lt;/p&gt;</description></item>

                """
        }
        return xml + "</channel></rss>\n"
    }

    /// The "billion laughs": ten levels of ten references each, a gigabyte if expanded.
    private static let entityBomb: String = {
        var dtd = "<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            dtd += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        return """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
            \(dtd)]>
            <rss version="2.0"><channel><title>Bomb &lol9;</title><link>https://bomb.example/</link>
            <item><title>Laughs &lol9;</title><guid>bomb-1</guid><description>&lol9;</description></item>
            </channel></rss>

            """
    }()

    private struct StressFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
