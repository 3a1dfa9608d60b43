@testable import BriefLayout
import BriefModel
import BriefStore
import Testing
@testable import BriefTUI

@Suite("The story view, as text")
struct StoryScreenTests {
    @Test("At 60×12 the story shows headline, dateline, legend and the lede wrapped to the width")
    func storyTop() {
        let state = Fixtures.openState()
        #expect(state.screenLines == GridSnapshotTests.arcticTop + [
            " q back · ? keys · Tab names · Enter page · / search · ]/[ …",
        ])
    }

    @Test("At the end come the transcript speaker, the credits and the quotes with their speakers")
    func storyEnd() {
        let state = Fixtures.apply(Fixtures.openState(), .bottom)
        #expect(state.screenLines == [
            " Brief › arctic-talks                                   End",
            "  had not been heard.",
            "",
            "  MR PRICE",
            "  We are not going to comment on a draft.",
            "",
            "  Reporting by Ann Example",
            "",
            "  Quotes",
            "",
            "  “We will keep the lanes open” — the foreign minister",
            " q back · ? keys · Tab names · Enter page · / search · ]/[ …",
        ])
    }

    @Test("Headings, speakers, credits and quote speakers are styled (monochrome)")
    func storyStyles() throws {
        let grid = Reader.view(Fixtures.apply(Fixtures.openState(height: 40)))
        func style(of text: String) throws -> CellStyle? {
            let row = try #require((0..<grid.height).first { grid.lines[$0].contains(text) })
            let column = try #require(grid.lines[row].range(of: text)).lowerBound
            return grid[grid.lines[row].distance(from: grid.lines[row].startIndex, to: column), row]?.style
        }
        let theme = Theme(mode: .monochrome)
        #expect(try style(of: "Ministers meet") == theme.headline)
        #expect(try style(of: "Shipping lanes") == theme.sectionHeading)
        #expect(try style(of: "MR PRICE") == theme.speaker)
        #expect(try style(of: "Reporting by") == theme.credits)
        #expect(try style(of: "the foreign minister") == theme.quoteSpeaker)
        #expect(try style(of: "Person") == theme.entity(.person))
        #expect(try style(of: "Group") == theme.entity(.group))
    }

    @Test("A story in CJK with combining marks wraps by display columns within the screen")
    func cjkStory() {
        let text = "北京と東京の外相が会談した。Cafe\u{301} talks in Zu\u{308}rich followed."
        var stored = Fixtures.arcticStory
        stored.story = Story(title: "外相会談", sections: [Section(kind: .lede, paragraphs: [Paragraph(text: text)])])
        let state = Fixtures.openState(stored, width: 24, height: 12)
        #expect(state.screenLines == [
            " Brief › arctic-ta… All",
            "外相会談",
            "2026-11-28",
            "",
            "北京と東京の外相が会談し",
            "た。Cafe\u{301} talks in Zu\u{308}rich",
            "followed.",
            "", "", "", "",
            " q back · ? keys · Tab …",
        ])
        #expect(Reader.view(state).lines.allSatisfy { DisplayWidth.of($0) <= 24 })
    }

    @Test("The entity panel lists the story's entities by type, most mentioned first, with counts")
    func entityPanel() {
        let state = Fixtures.apply(Fixtures.openState(), .entities)
        #expect(state.screenLines == [
            " Brief › Entities in this story",
            " Organisation (2)",
            "  Arctic Council  ×1",
            "  Inuit Circumpolar Council  ×1",
            "",
            " Place (3)",
            "  Reykjavik  ×2",
            "  Iceland  ×1",
            "  Norway  ×1",
            "", "",
            " Enter jumps to the first mention · j/k choose · E or Esc c…",
        ])
    }

    @Test("While the story loads the view says so")
    func loading() {
        let state = Fixtures.apply(Fixtures.loadedState(), .open)
        #expect(state.screenLines[1] == " Loading…")
    }
}
