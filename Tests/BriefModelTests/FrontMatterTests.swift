import Foundation
import Testing
import BriefModel

@Suite("Front matter at the top of an article")
struct FrontMatterTests {
    @Test("a date-only value is midnight UTC and source is read")
    func dateOnly() {
        let parsed = ArticleParser.parse("---\ndate: 2026-11-03\nsource: Wire desk\n---\nFerry resumes\n\nIt sailed.\n",
                                         format: .article)
        #expect(parsed.published == Date(timeIntervalSince1970: 1_793_664_000))
        #expect(parsed.source == "Wire desk")
        #expect(parsed.story.title == "Ferry resumes")
        #expect(readingText(parsed.story) == ["It sailed."])
    }

    @Test("ISO 8601 date-times in UTC, with offsets and fractions", arguments: [
        ("2026-11-03T10:00:00Z", 1_793_700_000.0),
        ("2026-11-03T10:00Z", 1_793_700_000.0),
        ("2026-11-03 12:00:00+02:00", 1_793_700_000.0),
        ("2026-11-03T05:30:00.5-0430", 1_793_700_000.5),
    ])
    func dateTimes(value: String, seconds: Double) {
        let parsed = ArticleParser.parse("---\ndate: \(value)\n---\nHeadline\n", format: .article)
        #expect(parsed.published == Date(timeIntervalSince1970: seconds))
    }

    @Test("an unreadable date gives no date but the story still parses", arguments: [
        "last Tuesday", "2026-02-30", "2026-13-01", "2026-11-03T25:00Z",
    ])
    func badDate(value: String) {
        let parsed = ArticleParser.parse("---\ndate: \(value)\n---\nHeadline\n\nBody.\n", format: .article)
        #expect(parsed.published == nil)
        #expect(parsed.story.title == "Headline")
    }

    @Test("title: overrides the headline; a different first line is kept as text")
    func titleOverride() {
        let parsed = ArticleParser.parse("---\ntitle: Ferry resumes\n---\nThe ferry sailed at dawn.\n\nIt was full.\n",
                                         format: .article)
        #expect(parsed.story.title == "Ferry resumes")
        #expect(readingText(parsed.story) == ["The ferry sailed at dawn.", "It was full."])
    }

    @Test("without front matter, date and source are nil; an unclosed block is text")
    func noFrontMatter() {
        let parsed = ArticleParser.parse("---\ndate: 2026-11-03\nFerry resumes\n", format: .article)
        #expect(parsed.published == nil)
        #expect(parsed.source == nil)
        #expect(parsed.story.title == "---")
    }
}
