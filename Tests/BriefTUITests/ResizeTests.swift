@testable import BriefLayout
import Testing
@testable import BriefTUI

@Suite("Resizing re-wraps and keeps the reader's place")
struct ResizeTests {
    @Test("Shrinking to 20×6 and growing back keeps the top paragraph at the top")
    func storyKeepsTopParagraph() throws {
        // Given a long story scrolled so that a paragraph starts at the top
        var state = Fixtures.openState(Fixtures.longStory(paragraphs: 20), width: 60, height: 12)
        state = Fixtures.apply(state, .pageDown, .pageDown)
        let before = try #require(state.page?.layout.map { $0.lines[state.page?.top ?? 0].block })
        state = Fixtures.apply(state, .moveDown)
        let block = try #require(state.page?.layout?.lines[state.page?.top ?? 0].block)
        #expect(block >= before)
        // When the window shrinks to 20×6
        let small = Fixtures.apply(state, .resize(width: 20, height: 6))
        let smallTop = try #require(small.page?.top)
        // Then the same paragraph is at the top, re-wrapped to the narrow width
        #expect(small.page?.layout?.lines[smallTop].block == block)
        #expect(small.page?.layout?.lines.allSatisfy { DisplayWidth.of($0.text) <= 20 } == true)
        let grid = Reader.view(small)
        #expect(grid.lines.count == 6)
        // When it grows back
        let big = Fixtures.apply(small, .resize(width: 60, height: 12))
        let bigTop = try #require(big.page?.top)
        #expect(big.page?.layout?.lines[bigTop].block == block)
        #expect(big.screenLines[1].hasPrefix("  Paragraph"))
    }

    @Test("The list keeps its selection by id through resizes and stays visible")
    func listKeepsSelection() {
        let many = (1...30).map {
            BriefStoreSummary.make(id: Int64($0), title: "Story \($0)")
        }
        var state = Fixtures.loadedState(stories: many)
        state = Fixtures.apply(state, .bottom)
        let small = Fixtures.apply(state, .resize(width: 20, height: 6))
        #expect(small.selectedID == 30)
        #expect(small.listTop == 26)
        #expect(small.screenLines.contains { $0.contains("Story 30") })
        let big = Fixtures.apply(small, .resize(width: 60, height: 12))
        #expect(big.selectedID == 30)
        #expect(big.screenLines.contains { $0.contains("Story 30") })
    }

    @Test("Every screen draws without trouble at every size from 1×1 up to 20×6 and more")
    func tinySizes() {
        let screens: [ReaderState] = [
            Fixtures.loadedState(),
            Fixtures.openState(),
            Fixtures.apply(Fixtures.openState(), .nextMention),
            Fixtures.apply(Fixtures.loadedState(), .help),
            Fixtures.apply(Fixtures.openState(), .entities),
        ]
        for state in screens {
            for width in [0, 1, 2, 5, 20, 33, 80] {
                for height in [0, 1, 2, 3, 6, 24] {
                    let resized = Fixtures.apply(state, .resize(width: width, height: height),
                                                 .pageDown, .bottom, .nextMention, .moveUp)
                    let grid = Reader.view(resized)
                    #expect(grid.width == width && grid.height == height)
                    #expect(grid.lines.allSatisfy { DisplayWidth.of($0) <= width })
                }
            }
        }
    }
}
