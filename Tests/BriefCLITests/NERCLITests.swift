import Foundation
import Testing

/// `brief ner eval FILE` (and `--predicted`) on a small CoNLL fixture of invented foreign-affairs sentences
/// with very clear names, so the bundled model is expected to get (nearly) all of them right.
@Suite("brief ner eval")
struct NERCLITests {
    /// Token and gold tag per line; two documents; our own sentences.
    static let fixture = """
        -DOCSTART- O

        The O
        United B-ORG
        Nations I-ORG
        said O
        on O
        Monday O
        that O
        Foreign O
        Minister O
        Amara B-PER
        Ndiaye I-PER
        would O
        travel O
        to O
        Geneva B-LOC
        next O
        week O
        . O

        Ndiaye B-PER
        told O
        reporters O
        in O
        Dakar B-LOC
        that O
        the O
        European B-ORG
        Union I-ORG
        had O
        offered O
        help O
        . O

        -DOCSTART- O

        German B-MISC
        officials O
        met O
        President O
        Emmanuel B-PER
        Macron I-PER
        in O
        Paris B-LOC
        on O
        Friday O
        . O

        NATO B-ORG
        ministers O
        will O
        gather O
        in O
        Brussels B-LOC
        in O
        March O
        , O
        the O
        alliance O
        said O
        . O

        Macron B-PER
        said O
        French B-MISC
        troops O
        would O
        stay O
        in O
        Estonia B-LOC
        . O

        """

    private func write(_ text: String, named name: String = "fixture.conll") async throws -> (dir: URL, path: String) {
        let dir = try BriefProcess.temporaryDirectory()
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return (dir, url.path)
    }

    /// The numbers of a conlleval-style report: overall and per-type precision, recall and FB1 (in percent).
    struct Report {
        var overall: [String: Double] = [:]
        var byType: [String: [String: Double]] = [:]
        var phrases: Int?
    }

    private func parse(_ stdout: String) -> Report {
        var report = Report()
        for line in stdout.split(separator: "\n") {
            var values: [String: Double] = [:]
            for part in line.split(separator: ";") {
                let pair = part.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count >= 2, let value = pair.last,
                   let number = Double(value.replacingOccurrences(of: "%", with: "")
                    .split(separator: " ").first.map(String.init) ?? "") {
                    values[pair[pair.count - 2]] = number
                }
            }
            let head = line.split(separator: ":").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if line.hasPrefix("accuracy") {
                report.overall = values
            } else if ["PER", "ORG", "LOC", "MISC"].contains(head) {
                report.byType[head] = values
            } else if line.hasPrefix("processed"), let range = line.range(of: "with ") {
                report.phrases = Int(line[range.upperBound...].prefix { $0.isNumber })
            }
        }
        return report
    }

    @Test("Given clear names, ner eval prints precision, recall and F1 overall and per type, with F1 near 100")
    func evalOnClearFixture() async throws {
        let (dir, path) = try await write(Self.fixture)
        defer { try? FileManager.default.removeItem(at: dir) }

        let result = try await BriefProcess.run(["ner", "eval", path])

        #expect(result.status == 0, "\(result.stderr)")
        let report = parse(result.stdout)
        #expect(report.phrases == 14, "\(result.stdout)")
        for key in ["precision", "recall", "FB1"] {
            #expect(report.overall[key] != nil, "overall \(key) in \(result.stdout)")
        }
        #expect(Set(report.byType.keys) == ["PER", "ORG", "LOC", "MISC"], "\(result.stdout)")
        for (type, values) in report.byType {
            #expect(Set(values.keys).isSuperset(of: ["precision", "recall", "FB1"]), "\(type): \(values)")
        }
        #expect((report.overall["FB1"] ?? 0) >= 90, "\(result.stdout)")
    }

    @Test("ner eval reads standard input with `-` and scores it exactly as the same file")
    func evalStandardInput() async throws {
        let (dir, path) = try await write(Self.fixture)
        defer { try? FileManager.default.removeItem(at: dir) }

        let fromFile = try await BriefProcess.run(["ner", "eval", path])
        let fromStdin = try await BriefProcess.run(["ner", "eval", "-"], stdin: Data(Self.fixture.utf8))

        #expect(fromStdin.status == 0, "\(fromStdin.stderr)")
        #expect(!fromStdin.stdout.isEmpty)
        #expect(fromStdin.stdout == fromFile.stdout)
    }

    @Test("With --predicted, the last column is scored against the one before it without running the model")
    func evalPredicted() async throws {
        // Given gold plus a prediction that gets one person right and misses the city
        let text = """
            -DOCSTART- O O

            Amara B-PER B-PER
            Ndiaye I-PER I-PER
            visited O O
            Geneva B-LOC O
            . O O

            """
        let (dir, path) = try await write(text)
        defer { try? FileManager.default.removeItem(at: dir) }

        let result = try await BriefProcess.run(["ner", "eval", "--predicted", path])

        // Then precision is 100, recall 50, F1 66.67; PER scores 100 and LOC 0
        #expect(result.status == 0, "\(result.stderr)")
        let report = parse(result.stdout)
        #expect(report.overall["precision"] == 100)
        #expect(report.overall["recall"] == 50)
        #expect(report.overall["FB1"] == 66.67, "\(result.stdout)")
        #expect(report.byType["PER"]?["FB1"] == 100)
        #expect(report.byType["LOC"]?["recall"] == 0)
    }

    @Test("A tag that is not BIO of the four types is a one-line error naming file and line")
    func evalBadTag() async throws {
        let (dir, path) = try await write("-DOCSTART- O\n\nAmara B-PER\nNdiaye I-PERSON\n")
        defer { try? FileManager.default.removeItem(at: dir) }

        let result = try await BriefProcess.run(["ner", "eval", path])

        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("\(path):4"), "\(result.stderr)")
    }

    @Test("A line without a tag column, or starting with whitespace, is an error naming file and line")
    func evalMalformedLines() async throws {
        let (dir, path) = try await write("-DOCSTART- O\n\nAmara B-PER\nNdiaye\n")
        let (dir2, path2) = try await write("Amara B-PER\n\tNdiaye I-PER\n")
        defer {
            try? FileManager.default.removeItem(at: dir)
            try? FileManager.default.removeItem(at: dir2)
        }

        let oneColumn = try await BriefProcess.run(["ner", "eval", path])
        let indented = try await BriefProcess.run(["ner", "eval", path2])

        #expect(oneColumn.status != 0)
        #expect(oneColumn.stderr.split(separator: "\n").count == 1, "\(oneColumn.stderr)")
        #expect(oneColumn.stderr.contains("\(path):4"), "\(oneColumn.stderr)")
        #expect(indented.status != 0)
        #expect(indented.stderr.split(separator: "\n").count == 1, "\(indented.stderr)")
        #expect(indented.stderr.contains("\(path2):2"), "\(indented.stderr)")
    }

    @Test("A missing file is a one-line error naming it")
    func evalMissingFile() async throws {
        let path = NSTemporaryDirectory() + "brief-no-such-\(UUID().uuidString).conll"

        let result = try await BriefProcess.run(["ner", "eval", path])

        #expect(result.status != 0)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(path))
    }

    @Test("Given a tab-separated file with the tag in column 2, when scored with --types PER,LOC, then only those types are scored and listed")
    func evalTabFileWithTypes() async throws {
        // Given gold in column 2 (source tags after it) and a prediction appended last that adds a spurious MISC
        let text = "-DOCSTART-\tO\tO\tO\n\nAmara\tB-PER\tB-person\tB-PER\nNdiaye\tI-PER\tI-person\tI-PER\n"
            + "visited\tO\tO\tO\nSwiss\tO\tO\tB-MISC\nGeneva\tB-LOC\tB-city\tB-LOC\n.\tO\tO\tO\n\n"
        let (dir, path) = try await write(text, named: "tabs.conll")
        defer { try? FileManager.default.removeItem(at: dir) }

        let all = try await BriefProcess.run(["ner", "eval", "--predicted", path])
        let some = try await BriefProcess.run(["ner", "eval", "--predicted", "--types", "PER,LOC", path])

        // Then the MISC costs precision in the full score only, and the filtered report lists PER and LOC alone
        #expect(all.status == 0, "\(all.stderr)")
        #expect(parse(all.stdout).overall["precision"] == 66.67, "\(all.stdout)")
        #expect(some.status == 0, "\(some.stderr)")
        let report = parse(some.stdout)
        #expect(report.overall["FB1"] == 100, "\(some.stdout)")
        #expect(Set(report.byType.keys) == ["PER", "LOC"], "\(some.stdout)")
    }

    @Test("An unknown type in --types is refused with one line naming it")
    func evalBadTypes() async throws {
        let (dir, path) = try await write(Self.fixture)
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try await BriefProcess.run(["ner", "eval", "--types", "PER,PLACE", path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("PLACE"), "\(result.stderr)")
    }
}
