import BriefModel
import Foundation

/// `brief-bench sectioner [STORIES]`: decodes and parses a generated corpus of wire stories, transcripts and
/// Markdown briefings (invented text), then single 5 MB inputs including hostile shapes; prints stories/s and MB/s.
/// Each figure is given for wall time and for this thread's CPU time: on a shared machine the CPU time is the
/// steadier measure.
enum SectionerBenchmark {
    static func run(_ args: [String]) throws {
        let count = args.first.flatMap(Int.init) ?? 3000
        let corpus = (0..<count).map(story)
        let bytes = corpus.reduce(0) { $0 + $1.text.utf8.count }
        var sections = 0
        var quotes = 0
        let start = ContinuousClock.now
        let cpuStart = threadCPUSeconds()
        for item in corpus {
            let text = try SourceText.decode(Data(item.text.utf8))
            let story = ArticleParser.parse(text, format: item.format).story
            sections += story.sections.count
            quotes += story.quotes.count
        }
        let elapsed = seconds(ContinuousClock.now - start)
        let cpu = threadCPUSeconds() - cpuStart
        print("sectioner corpus: \(count) stories, \(bytes) bytes, \(sections) sections, \(quotes) quotes")
        print(String(format: "sectioner corpus: wall %.3f s, %.0f stories/s, %.1f MB/s; cpu %.3f s, %.0f stories/s, %.1f MB/s",
                     elapsed, Double(count) / elapsed, Double(bytes) / 1e6 / elapsed,
                     cpu, Double(count) / cpu, Double(bytes) / 1e6 / cpu))

        let big = 5_000_000
        // Each is a headline, then one unit repeated to 5 MB: ordinary stories, one huge paragraph, and
        // shapes that would make a backtracking or rescanning parser quadratic.
        let inputs: [(name: String, unit: String, format: SourceFormat)] = [
            ("wire stories", corpus.prefix(50).map(\.text).joined(separator: "\n\n") + "\n\n", .article),
            ("one paragraph", "Ministers “met” again, said Ana Ruiz. ", .article),
            ("unmatched marks", "“ « [a]( ‘x `a`` *b _c <http ", .markdown),
            ("no spaces", "U.S.“a”.‘b", .article),
            ("escapes", "\u{1B}[2J\u{1B}]52;c;QUFB\u{07}\u{202E}x ", .article),
            ("heading lines", "TALKS IN VALMORE\n\nThe talks went on.\n", .article),
            ("speaker turns", "MR. MARAIS: “Yes,” he said.\nQ: Why?\n\n", .article),
            ("wrapped lines", "the talks went on into the night and\n", .article),
            ("markdown lists", "- **fees** fall by `1%` [x](y)\n", .markdown),
        ]
        for (name, unit, format) in inputs {
            let text = "Headline\n\n" + String(repeating: unit, count: max(1, big / unit.utf8.count))
            let t0 = ContinuousClock.now
            let c0 = threadCPUSeconds()
            let story = ArticleParser.parse(text, format: format).story
            let s = seconds(ContinuousClock.now - t0)
            let c = threadCPUSeconds() - c0
            let t1 = ContinuousClock.now
            let clean = TerminalText.sanitize(text, keepNewlines: true)
            let sanitize = seconds(ContinuousClock.now - t1)
            print(String(format: "sectioner 5 MB %@: parse wall %.3f s, cpu %.3f s (%.1f MB/s cpu, %d sections); sanitize %.3f s (%d bytes)",
                         name, s, c, Double(text.utf8.count) / 1e6 / c, story.sections.count, sanitize, clean.utf8.count))
        }
    }

    /// CPU time of the calling thread, so other work on the machine does not count.
    private static func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    private static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    private static let places = ["VALMORE", "ISTRAN", "KESSEL", "PORT ARDEN", "LUMA"]
    private static let names = ["Ana Ruiz", "Irena Dalsky", "Piet Marais", "Li Wei", "Sam Okoro"]

    private static func story(_ n: Int) -> (text: String, format: SourceFormat) {
        let place = places[n % places.count]
        let name = names[n % names.count]
        let paragraph = "Delegations from the river states met for a \(n % 7 + 2)th round of talks on water sharing, "
            + "grazing rights and the reopening of a rail link closed since the floods, officials said."
        switch n % 3 {
        case 0:
            var text = "River states resume talks, round \(n)\n\n\(place)/KESSEL (Reuters) – \(paragraph)\n\nSlideshow ( 2 images )\n\n"
            for k in 0..<10 {
                text += "“We are closer than we were, but not close enough,” said \(names[(n + k) % names.count]), a negotiator.\n\n"
                text += paragraph + " The next meeting is set for \(k + 1) May.\n\n"
            }
            return (text + "Reporting by \(name); Editing by Li Wei\n\nSource: Read Full Article\n", .article)
        case 1:
            var text = "Daily briefing \(n)\n\nThe spokesperson opened the briefing.\n\n"
            for k in 0..<12 {
                text += k % 2 == 0 ? "MR. MARAIS: \(paragraph) “It is a step,” he said.\n\n" : "QUESTION: Will the talks go on?\n\n"
                text += "\(paragraph)\n\n"
            }
            return (text, .article)
        default:
            var text = "---\ndate: 2026-03-05\nsource: Valmore Gazette\n---\n# Water talks, part \(n)\n\n\(place) — \(paragraph)\n\n"
            for k in 0..<6 {
                text += "## Point \(k)\n\n- **Fees** fall by `\(k)%`\n- See [the text](https://example.test/\(k))\n\n"
                text += "\(name) said: “We will keep *talking* until it is done.”\n\n\(paragraph)\n\n"
            }
            return (text, .markdown)
        }
    }
}
