import Testing
@testable import BriefTUI

@Suite("The story's entity panel")
struct EntityPanelTests {
    @Test("On a wide screen the panel sits beside the text, which re-wraps to the remaining width")
    func beside() {
        let state = Fixtures.apply(Fixtures.openState(width: 120, height: 14), .entities)
        #expect(state.isPanelBeside)
        let lines = state.screenLines
        #expect(lines[1].hasSuffix("│Entities in this story"))
        #expect(lines[2].hasSuffix("│Organisation (2)"))
        #expect(lines[3].hasSuffix("│ Arctic Council  ×1"))
        #expect(lines[1].hasPrefix("  Ministers meet in Reykjavik over Arctic shipping"))
        // The text fits left of the rule
        #expect(state.page?.layout?.width == 120 - ReaderState.panelWidth - 1 - 4)
        // And closing the panel re-wraps to the full width
        #expect(Fixtures.apply(state, .entities).page?.layout?.width == 116)
    }

    @Test("On a narrow screen the panel covers the story")
    func overlay() {
        let state = Fixtures.apply(Fixtures.openState(width: 60, height: 12), .entities)
        #expect(!state.isPanelBeside)
        #expect(state.screenLines[0] == " Brief › Entities in this story")
    }

    @Test("j selects the next entity and Enter jumps to its first mention, focused")
    func enterJumps() throws {
        // Given the panel (Arctic Council, Inuit Circumpolar Council, Reykjavik, Iceland, Norway)
        var state = Fixtures.apply(Fixtures.openState(), .entities, .moveDown, .moveDown, .moveDown)
        #expect(state.panel?.cursor.selected == 3)
        #expect(Reader.view(state)[2, 7]?.style.reverse == true)  // "Iceland" row reversed
        state = Fixtures.apply(state, .open)
        #expect(state.screen == .story)
        let spot = try #require(state.page?.layout?.mentions.first { $0.number == state.page?.focus })
        #expect(spot.entity == "LOC:iceland")
        #expect(state.status == "Place: Iceland")
        #expect((state.page?.top ?? 0) <= spot.line && spot.line < (state.page?.top ?? 0) + state.bodyHeight)
    }

    @Test("The panel opens on the focused mention's entity")
    func startsOnFocus() {
        let state = Fixtures.apply(Fixtures.openState(), .nextMention, .nextMention, .entities)
        #expect(state.panel?.cursor.selected == 2)  // Reykjavik
    }

    @Test("Resizing across the threshold moves the panel between beside and over, keeping the story")
    func resizeAcross() {
        var state = Fixtures.apply(Fixtures.openState(width: 120, height: 14), .entities)
        state = Fixtures.apply(state, .resize(width: 60, height: 12))
        #expect(!state.isPanelBeside && state.screenLines[0] == " Brief › Entities in this story")
        state = Fixtures.apply(state, .resize(width: 20, height: 6), .resize(width: 120, height: 14))
        #expect(state.isPanelBeside)
        state = Fixtures.apply(state, .back)
        #expect(state.screen == .story && state.page?.layout?.width == 116)
    }
}
