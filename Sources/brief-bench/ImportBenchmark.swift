import BriefLibrary
import BriefResources
import BriefStore
import Foundation

/// `brief-bench import [COUNT] [--untagged] [--keep]`: writes COUNT (default 10,000) generated wire stories of about
/// 400 words to a temporary directory, imports them through the CLI's pipeline (`Importer`) into a fresh cache
/// file, and reports stories per second and peak memory; then times a cold `brief count --unread` on that cache
/// using the `brief` binary beside this one. `--untagged` skips the tagger, to separate its cost from the store's;
/// `--keep` leaves the files and cache for inspection.
enum ImportBenchmark {
    @Sendable static func run(_ args: [String]) throws {
        let count = args.lazy.compactMap(Int.init).first ?? 10_000
        let untagged = args.contains("--untagged")
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("brief-bench-import-\(UUID().uuidString)")
        let inbox = work.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let keep = args.contains("--keep")
        defer { if keep { print("kept \(work.path)") } else { try? FileManager.default.removeItem(at: work) } }

        var generator = StoryGenerator(seed: 2026)
        var words = 0
        let writeStart = Date()
        for index in 0..<count {
            let text = generator.story(number: index)
            words += text.split(whereSeparator: \.isWhitespace).count
            try Data(text.utf8).write(to: inbox.appendingPathComponent(String(format: "story-%05d.txt", index)))
        }
        print("generated \(count) files, \(words / max(count, 1)) words each on average, in "
              + seconds(since: writeStart))

        let cachePath = work.appendingPathComponent("brief.sqlite").path
        let store = try Store(path: cachePath)
        let importer = untagged ? Importer(store: store, annotate: { $0 })
                                : try Importer(store: store, taggerModel: BriefResources.nerModel)
        print(untagged ? "entity model: not used (--untagged)" : importer.modelMissing ? "entity model: MISSING at \(BriefResources.nerModel.path) (stories stored untagged)"
                                    : "entity model: loaded from \(BriefResources.nerModel.path)")
        let importStart = Date()
        let report = try importer.importPaths([inbox.path])
        let elapsed = Date().timeIntervalSince(importStart)
        print(report.summary)
        print(String(format: "import: %.2f s, %.0f stories/s", elapsed, Double(report.new.count) / elapsed))
        print("peak memory (VmHWM): \(peakMemory())")
        let size = (try? FileManager.default.attributesOfItem(atPath: cachePath)[.size] as? Int) ?? 0
        print("cache file: \(size / 1024 / 1024) MiB (before checkpoint of the WAL)")

        try timeCount(cachePath: cachePath, expected: count)
    }

    /// Runs `brief count --unread` as a fresh process and reports its wall time.
    private static func timeCount(cachePath: String, expected: Int) throws {
        let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("brief")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            print("brief count: skipped (no brief binary at \(binary.path); build the brief product too)")
            return
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["count", "--unread", "--db", cachePath]
        let output = Pipe()
        process.standardOutput = output
        let start = Date()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let printed = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        print("brief count --unread (cold process): \(seconds(since: start)), printed \(printed)"
              + (printed == String(expected) ? "" : " (expected \(expected))"))
    }

    private static func seconds(since start: Date) -> String {
        String(format: "%.3f s", Date().timeIntervalSince(start))
    }

    /// The process's peak resident set size, from /proc/self/status.
    private static func peakMemory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return "unknown" }
        return line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces)
    }

    /// Deterministic wire-style stories built from our own word lists: headline, dateline lede, body
    /// paragraphs with quotes and named people, organisations and places, credits.
    struct StoryGenerator {
        private var state: UInt64

        init(seed: UInt64) { state = seed }

        private static let places = ["GENEVA", "NAIROBI", "VIENNA", "JAKARTA", "BRUSSELS", "ADDIS ABABA", "HANOI",
                                     "LIMA", "OSLO", "DOHA", "ACCRA", "TBILISI", "MANILA", "RABAT", "ASTANA", "BOGOTA"]
        private static let agencies = ["Brief Wire", "Reuters", "AP", "AFP", "Brief Desk"]
        private static let people = ["Amara Okafor", "Lena Vasquez", "Tomas Berg", "Mei Lin Zhou", "Rashid Haddad",
                                     "Ingrid Solberg", "Kwame Mensah", "Elena Petrova", "Jonas Weber", "Priya Raman",
                                     "Hugo Laurent", "Nadia Karimi", "Samuel Otieno", "Clara Rossi", "Ivan Horvat"]
        private static let titles = ["foreign minister", "trade envoy", "deputy prime minister", "central bank governor",
                                     "defence minister", "special rapporteur", "ambassador", "spokesperson"]
        private static let organisations = ["the African Union", "the European Commission", "the World Bank", "ASEAN",
                                            "the United Nations", "the IAEA", "NATO", "the IMF", "Mercosur", "OPEC"]
        private static let subjects = ["grain shipments", "debt relief", "fishing quotas", "a ceasefire", "border crossings",
                                       "power grid repairs", "tariff cuts", "refugee returns", "river water sharing",
                                       "election monitoring", "port inspections", "vaccine supplies"]
        private static let verbs = ["agreed on", "delayed talks on", "pressed for", "rejected a plan for",
                                    "signed a framework on", "opened a review of", "called for clarity on"]
        private static let filler = [
            "Officials said the next round would take place before the end of the month.",
            "Diplomats familiar with the discussions described the mood as cautious but constructive.",
            "The proposal still needs approval from national parliaments, which could take several months.",
            "Analysts noted that similar arrangements had collapsed twice in the past decade.",
            "A joint statement released after the meeting gave few details about financing.",
            "Several delegations asked for more time to consult their capitals before any vote.",
            "Observers said the compromise reflected pressure from exporters and smaller member states.",
            "The talks were held behind closed doors and lasted well into the evening.",
            "Opposition lawmakers criticised the deal as rushed and lacking independent oversight.",
            "Independent monitors are expected to publish a first assessment early next year.",
        ]

        private mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        private mutating func pick(_ list: [String]) -> String {
            list[Int(next() % UInt64(list.count))]
        }

        private mutating func place() -> String { pick(Self.places).capitalized }

        mutating func story(number: Int) -> String {
            let subject = pick(Self.subjects), organisation = pick(Self.organisations)
            let minister = pick(Self.people), title = pick(Self.titles)
            var paragraphs: [String] = []
            paragraphs.append("\(organisation.prefix(1).uppercased() + organisation.dropFirst()) \(pick(Self.verbs)) "
                              + "\(subject) after talks in \(place())")
            paragraphs.append("\(pick(Self.places)) (\(pick(Self.agencies))) - Ministers meeting under the auspices of "
                              + "\(organisation) \(pick(Self.verbs)) \(subject) on Thursday, \(minister), the "
                              + "\(title) of the host country, told reporters after a day of negotiations in \(place()) "
                              + "that the outcome was better than many had expected.")
            for paragraph in 0..<6 {
                var sentences: [String] = []
                if paragraph % 3 == 1 {
                    sentences.append("\"We have \(pick(Self.verbs)) \(pick(Self.subjects)) and we will keep working "
                                     + "with \(pick(Self.organisations)) until the details are settled,\" "
                                     + "\(pick(Self.people)) said.")
                } else {
                    sentences.append("\(pick(Self.people)), a \(pick(Self.titles)) from \(place()), said "
                                     + "\(pick(Self.organisations)) had \(pick(Self.verbs)) \(pick(Self.subjects)).")
                }
                for _ in 0..<3 { sentences.append(pick(Self.filler)) }
                paragraphs.append(sentences.joined(separator: " "))
            }
            paragraphs.append("Reporting by \(pick(Self.people)) in \(place()); editing by \(pick(Self.people)). "
                              + "Reference \(number).")
            return paragraphs.joined(separator: "\n\n") + "\n"
        }
    }
}
