import Foundation
import Testing
import BriefModel

/// Hostile shapes are sectioned in linear time with nothing dropped. Each shape is parsed at two sizes four
/// times apart; the larger must take under 8 times the smaller's time. A linear sectioner takes 4 times (n log n
/// about 4.6), a quadratic one 16: the wide gap keeps a parallel test run on a loaded machine from deciding.
@Suite("Sectioning hostile input in linear time")
struct SectionerScalingTests {
    struct Shape: Sendable, CustomStringConvertible {
        var name: String
        var unit: String
        var separator: String
        var description: String { name }
    }

    static func text(_ shape: Shape, count: Int) -> String {
        "Headline\n\n" + Array(repeating: shape.unit, count: count).joined(separator: shape.separator)
    }

    static func seconds(_ body: () -> Void) -> Double {
        let start = ContinuousClock.now
        body()
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    @Test("Given a hostile shape at 10k and 40k units, then parsing time grows about linearly and no text is lost", arguments: [
        Shape(name: "unbalanced quotation marks", unit: "“They said ” « it “ was ‘ late", separator: " "),
        Shape(name: "a quote mark in every word", unit: "“a” “b ”c «d» \"e\" ‘f’", separator: " "),
        Shape(name: "10,000-turn transcript", unit: "MS NOWAK (via video link): “Yes,” she said.", separator: "\n\n"),
        Shape(name: "pronouns and titles everywhere", unit: "“Yes,” she said. The spokesperson said “no” to Mr Nowak Kowalski Price.", separator: "\n\n"),
        Shape(name: "one paragraph of speech verbs", unit: "Ana Ruiz said Li Wei told Sam Okoro said", separator: " "),
    ])
    func linear(_ shape: Shape) {
        var small = 0.0
        var large = 0.0
        // Best of three runs each, so one stall on a shared machine does not decide.
        for _ in 0..<3 {
            let a = Self.text(shape, count: 10_000)
            let b = Self.text(shape, count: 40_000)
            let ta = Self.seconds { _ = ArticleParser.parse(a, format: .article) }
            let tb = Self.seconds { _ = ArticleParser.parse(b, format: .article) }
            small = small == 0 ? ta : min(small, ta)
            large = large == 0 ? tb : min(large, tb)
        }
        #expect(large < max(small * 8, 0.05), "10k: \(small) s, 40k: \(large) s")
        #expect(large < 120, "40k units took \(large) s")
        let story = ArticleParser.parse(Self.text(shape, count: 2_000), format: .article).story
        let words = readingText(story).joined(separator: " ") + " " + story.sections.compactMap(\.title).joined(separator: " ")
        #expect(words.split(separator: " ").count >= shape.unit.split(whereSeparator: { $0 == " " || $0 == "\n" }).count * 2_000 - 2_000 * 4,
                "words kept")
    }

    @Test("Given a label line of 10,000 characters, then it is text, whole, and parsing is quick")
    func longLabel() {
        let label = String(repeating: "NOWAK ", count: 1_666) + "(" + String(repeating: "x", count: 4_000) + "):"
        let text = "Headline\n\nMS NOWAK: Hello.\n\n\(label) words\n\nQ: Why?\n"
        var story: Story?
        let t = Self.seconds { story = ArticleParser.parse(text, format: .article).story }
        #expect(t < 2)
        #expect(readingText(story!).contains { $0.hasPrefix("NOWAK NOWAK") && $0.hasSuffix("words") })
    }

    @Test("Given a 10,000-turn transcript, then every turn is a section and every turn's words are kept")
    func manyTurns() {
        let unit = "MS NOWAK: We welcome it.\n\nQUESTION (Reuters): Why?"
        let text = "Headline\n\nSpokesperson Katarzyna Nowak opened the briefing.\n\n" + Array(repeating: unit, count: 5_000).joined(separator: "\n\n")
        let story = ArticleParser.parse(text, format: .article).story
        let turns = story.sections.filter { $0.kind == .turn }
        #expect(turns.count == 10_000)
        #expect(turns.filter { $0.speaker == "Katarzyna Nowak" }.count == 5_000)
        #expect(turns.allSatisfy { $0.paragraphs.count == 1 })
    }
}
