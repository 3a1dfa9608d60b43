import BriefLayout
import BriefModel
import BriefStore
import BriefTagger
import BriefTUI
import Foundation

/// `brief-bench tui [PARAGRAPHS]`: how fast the reader responds. Lays out a generated long story (invented
/// text with entity mentions, sections and quotes) at several widths, draws frames, applies keys (each
/// followed by a frame, as the app loop does), resizes between 100×30 and 20×6, and drives a 10 000-story
/// list. Then builds a 10 000-story cache file and runs the reader's heavy keys against it in a fresh process
/// (`tui --library PATH`, which builds PATH first when there is no such file), so its peak memory (VmHWM) is
/// the reader's own. Prints the median and worst time per step in milliseconds. `tui --scale [STORIES] [RUNS]`
/// times the reader against issue 16's targets on a 100,000-story cache kept between runs (`TUIScaleBenchmark`).
enum TUIBenchmark {
    static func run(_ args: [String]) throws {
        if args.first == "--scale" {
            try TUIScaleBenchmark.run(Array(args.dropFirst()))
            return
        }
        if args.first == "--library", args.count >= 2 {
            // A cache kept between runs is built once, the first time.
            if !FileManager.default.fileExists(atPath: args[1]) { try TUILibraryBenchmark.build(path: args[1], count: 10_000) }
            try TUILibraryBenchmark.reader(cache: args[1])
            return
        }
        let paragraphs = args.first.flatMap(Int.init) ?? 1000
        let stored = story(paragraphs: paragraphs)
        let theme = Theme(mode: .palette256)
        let mentionCount = stored.story.sections.reduce(0) { $0 + $1.paragraphs.reduce(0) { $0 + $1.mentions.count } }
        print("tui story: \(paragraphs) paragraphs, \(stored.story.sections.count) sections, \(mentionCount) mentions")

        for width in [100, 60, 20] {
            var lines = 0
            let times = measure(10) { lines = StoryLayout(stored, width: width).lines.count }
            report("layout at width \(width) (\(lines) lines)", times)
        }

        var state = open(stored, width: 100, height: 30, theme: theme)
        report("frame (story view 100×30)", measure(200) { _ = Reader.view(state) })
        for (name, operation) in [("moveDown", ReaderOperation.moveDown), ("pageDown", .pageDown),
                                  ("nextMention", .nextMention), ("nextSection", .nextSection)] {
            state = open(stored, width: 100, height: 30, theme: theme)
            report("key \(name) + frame", measure(200) {
                state = Reader.update(state, operation).0
                _ = Reader.view(state)
            })
        }
        state = Reader.update(open(stored, width: 100, height: 30, theme: theme), .pageDown).0
        var small = true
        report("resize 100×30 ↔ 20×6 + frame", measure(20) {
            state = Reader.update(state, small ? .resize(width: 20, height: 6) : .resize(width: 100, height: 30)).0
            _ = Reader.view(state)
            small.toggle()
        })

        let hostile = String(repeating: "北京の外相 Cafe\u{301} Zu\u{308}rich \u{1B}[2J🌍 ", count: 40_000)
        var wide = stored
        wide.story.sections = [Section(kind: .body, paragraphs: [Paragraph(text: hostile)])]
        report("layout one \(hostile.utf8.count / 1_000_000) MB mixed-script paragraph at width 100",
               measure(3) { _ = StoryLayout(wide, width: 100) })

        let list = (0..<10_000).map { i in
            StorySummary(id: Int64(i), title: "Ministers meet for round \(i) of talks on shipping and fisheries",
                         source: "Brief Wire", published: Date(timeIntervalSince1970: 1_790_000_000 - Double(i) * 3600),
                         importedAt: Date(timeIntervalSince1970: 1_790_000_000), readAt: nil,
                         topEntities: ["Norway", "Arctic Council"])
        }
        var listState = Reader.start(size: ScreenSize(width: 100, height: 30), theme: theme).0
        report("list of 10 000 loaded", measure(20) {
            listState = Reader.update(listState, .listLoaded(list, total: list.count, unread: list.count)).0
        })
        report("list key moveDown + frame (10 000 stories)", measure(500) {
            listState = Reader.update(listState, .moveDown).0
            _ = Reader.view(listState)
        })
        report("list key bottom + frame (10 000 stories)", measure(100) {
            listState = Reader.update(listState, .bottom).0
            _ = Reader.view(listState)
            listState = Reader.update(listState, .top).0
        })
        try TUILibraryBenchmark.run(stories: args.dropFirst().first.flatMap(Int.init) ?? 10_000)
    }

    private static func open(_ stored: StoredStory, width: Int, height: Int, theme: Theme) -> ReaderState {
        var state = Reader.start(size: ScreenSize(width: width, height: height), theme: theme).0
        state = Reader.update(state, .listLoaded([stored.summary], total: 1, unread: 1)).0
        state = Reader.update(state, .open).0
        return Reader.update(state, .storyLoaded(id: stored.summary.id, stored)).0
    }

    /// A long invented story: paragraphs of about 70 words with five mentions each, a heading every
    /// ten paragraphs, and one quote per ten paragraphs.
    private static func story(paragraphs count: Int) -> StoredStory {
        let names: [(String, EntityType)] = [("Ingrid Solberg", .person), ("Arctic Council", .organisation),
                                              ("Tromsø", .place), ("Nordic", .group), ("Reykjavík", .place)]
        var sections: [Section] = []
        var current: [Paragraph] = []
        for i in 0..<count {
            var text = ""
            var mentions: [Mention] = []
            for (n, (name, type)) in names.enumerated() {
                text += "In round \(i), part \(n), the delegates argued at length about quotas, and "
                let start = text.unicodeScalars.count
                text += name
                mentions.append(Mention(start: start, end: text.unicodeScalars.count, type: type, text: name,
                                        entity: "\(type.rawValue):\(name.lowercased())"))
                text += " said the talks would continue late into the night. "
            }
            current.append(Paragraph(text: text, mentions: mentions))
            if current.count == 10 {
                sections.append(Section(kind: .body, title: "Round \(i / 10 + 1)", paragraphs: current))
                current = []
            }
        }
        if !current.isEmpty { sections.append(Section(kind: .body, paragraphs: current)) }
        let quotes = (0..<max(1, count / 10)).map { Quote(text: "We will meet again in round \($0)", speaker: "Ingrid Solberg") }
        let summary = StorySummary(id: 1, title: "Arctic talks run long", source: "Brief Wire", published: nil,
                                   importedAt: Date(timeIntervalSince1970: 1_790_000_000), readAt: nil)
        return StoredStory(summary: summary, story: Story(title: "Arctic talks run long", sections: sections, quotes: quotes))
    }

    static func measure(_ runs: Int, _ body: () -> Void) -> [Double] {
        (0..<runs).map { _ in
            let start = ContinuousClock.now
            body()
            let elapsed = ContinuousClock.now - start
            return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        }
    }

    static func report(_ name: String, _ times: [Double]) {
        let sorted = times.sorted()
        let median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        print(String(format: "tui %@: median %.3f ms, worst %.3f ms (%d runs)", name, median, sorted.last ?? 0, sorted.count))
    }
}
