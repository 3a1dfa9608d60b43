import Foundation
import Testing
import BriefModel

/// The attribution figures on the 27 bundled samples, checked against the hand-checked list in `SampleCheckList`.
/// Run with `swift test --filter SampleAttributionTests` to see the figures and every miss.
@Suite("Attribution on the bundled samples")
struct SampleAttributionTests {
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Resources/samples", isDirectory: true)

    @Test("Given the bundled samples, then the checked quotes have their hand-checked speakers")
    func figures() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.samples.path).sorted()
        #expect(files.count == 27)
        let figures = SampleAttribution(files: files) { file in
            let text = (try? String(contentsOf: Self.samples.appendingPathComponent(file), encoding: .utf8)) ?? ""
            let story = ArticleParser.parse(text, format: file.hasSuffix(".md") ? .markdown : .article).story
            return story.quotes.map { ($0.text, $0.speaker) }
        }
        print("samples: " + figures.summary)
        for miss in figures.misses { print("  miss: " + miss) }
        #expect(figures.checked == SampleCheckList.entries.count)
        #expect(figures.strict >= SampleAttributionTests.strictFloor, "\(figures.misses.joined(separator: "\n"))")
    }

    /// The figure reached when this test was written: a change that loses a checked speaker fails here.
    static let strictFloor = 131
}
