import BriefModel
import BriefTagger
import Foundation

/// `brief-bench feedparse [FEEDS] [ITEMS]`: generates RSS 2.0 feeds in memory (default 20 × 500 items, about
/// 18 MB of invented text with content:encoded HTML, entities and dates), then times parsing them, turning every item
/// into article text, and fingerprinting every item; prints MB/s and items/s for each step.
enum FeedParseBenchmark {
    static func run(_ args: [String]) throws {
        let feedCount = args.first.flatMap(Int.init) ?? 20
        let itemCount = args.dropFirst().first.flatMap(Int.init) ?? 500
        let feeds = (0..<feedCount).map { Data(feed(number: $0, items: itemCount).utf8) }
        let bytes = feeds.reduce(0) { $0 + $1.count }
        let items = feedCount * itemCount
        print("feedparse: \(feedCount) feeds × \(itemCount) items, \(bytes) bytes")

        var documents: [FeedDocument] = []
        let parseStart = ContinuousClock.now
        let parseCPU = cpuSeconds()
        for data in feeds { documents.append(try FeedParser.parse(data)) }
        let parse = elapsedSeconds(since: parseStart)
        let parseCPUUsed = cpuSeconds() - parseCPU
        let parsed = documents.reduce(0) { $0 + $1.items.count }
        guard parsed == items else { throw BenchmarkFailure("parsed \(parsed) items, expected \(items)") }
        report("parse (XML → FeedDocument)", seconds: parse, cpu: parseCPUUsed, bytes: bytes, items: items)

        var textBytes = 0
        let textStart = ContinuousClock.now
        let textCPU = cpuSeconds()
        for document in documents {
            for item in document.items { textBytes += item.articleText.utf8.count }
        }
        report("articleText (HTML → paragraphs)", seconds: elapsedSeconds(since: textStart), cpu: cpuSeconds() - textCPU,
               bytes: bytes, items: items)

        var distinct = Set<ContentFingerprint>()
        let fingerprintStart = ContinuousClock.now
        let fingerprintCPU = cpuSeconds()
        for document in documents {
            for item in document.items { distinct.insert(item.fingerprint) }
        }
        report("fingerprint", seconds: elapsedSeconds(since: fingerprintStart), cpu: cpuSeconds() - fingerprintCPU,
               bytes: bytes, items: items)
        print("feedparse: \(textBytes) bytes of article text, \(distinct.count) distinct fingerprints")
        report("total", seconds: elapsedSeconds(since: parseStart), cpu: cpuSeconds() - parseCPU, bytes: bytes, items: items)
    }

    /// Wall-clock figures, and the thread's CPU time beside them: on a shared machine the CPU time is the steadier.
    private static func report(_ step: String, seconds: Double, cpu: Double, bytes: Int, items: Int) {
        print(String(format: "feedparse %@: %.3f s (cpu %.3f s), %.1f MB/s, %.0f items/s (by cpu: %.1f MB/s, %.0f items/s)",
                     step, seconds, cpu, Double(bytes) / 1e6 / seconds, Double(items) / seconds,
                     Double(bytes) / 1e6 / cpu, Double(items) / cpu))
    }

    /// CPU time used by this thread so far.
    private static func cpuSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    private static func elapsedSeconds(since start: ContinuousClock.Instant) -> Double {
        let duration = ContinuousClock.now - start
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    // MARK: Generated feeds (invented words, deterministic)

    private static let words = [
        "ministers", "envoy", "talks", "border", "harbour", "ceasefire", "delegation", "corridor", "grain", "summit",
        "parliament", "coalition", "sanctions", "tariff", "pipeline", "election", "observers", "treaty", "refugees",
        "convoy", "mediator", "capital", "province", "council", "agreement", "statement", "officials", "sources",
        "Valmora", "Ostrenko", "Kessarine", "Tavrel", "Lunde", "Amsar", "Oduya", "Brenholt", "Quarry", "Delta",
    ]

    private static func feed(number: Int, items: Int) -> String {
        var rng = SplitMix64(seed: UInt64(number) &+ 1)
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>Bench Desk \(number)</title><link>https://bench.example/\(number)/</link>

        """
        for n in 0..<items {
            let title = sentence(&rng, words: 8).dropLast()
            var content = "<p><strong>\(sentence(&rng, words: 6))</strong></p>"
            for paragraph in 0..<5 {
                if paragraph == 3 { content += "<h2>\(sentence(&rng, words: 3).dropLast())</h2>" }
                content += "<p>" + (0..<3).map { _ in sentence(&rng, words: 6) }.joined(separator: " ")
                content += " &ldquo;Quoted &amp; noted&rdquo;&nbsp;&mdash; said an official.</p>"
            }
            content += "<ul><li>\(sentence(&rng, words: 5))</li><li>\(sentence(&rng, words: 5))</li></ul>"
            let day = 1 + n % 28
            xml += """
            <item><title>\(title)</title><link>https://bench.example/\(number)/\(n)</link>
            <guid isPermaLink="false">bench-\(number)-\(n)</guid><pubDate>Tue, \(day) Jun 2025 12:\(10 + n % 50):00 +0000</pubDate>
            <dc:creator>Desk \(n % 7)</dc:creator>
            <description>\(sentence(&rng, words: 20)) &lt;b&gt;more&lt;/b&gt;</description>
            <content:encoded><![CDATA[\(content)]]></content:encoded></item>

            """
        }
        return xml + "</channel></rss>\n"
    }

    private static func sentence(_ rng: inout SplitMix64, words count: Int) -> String {
        var parts: [String] = []
        for _ in 0..<count { parts.append(words[Int(rng.next() % UInt64(words.count))]) }
        let first = parts[0]
        parts[0] = first.prefix(1).uppercased() + first.dropFirst()
        return parts.joined(separator: " ") + "."
    }

    private struct BenchmarkFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
