import BriefStore
import Testing
@testable import BriefTUI

@Suite("The story list screen, as text")
struct ListScreenTests {
    @Test("At 60×12 the list shows counts, unread markers, dates, headlines and top entities when there is room")
    func listAt60x12() {
        let state = Fixtures.loadedState(width: 60, height: 12)
        #expect(state.screenLines == [
            " Brief · 2 unread of 3",
            " ● 2026-11-28  Ministers meet in Reykjavik over Arctic shi…",
            "   2026-11-27  Grain corridor talks resume  Ankara",
            " ● undated     Briefing transcript: State Department",  // no date of its own: never its import day
            "", "", "", "", "", "", "",
            " Enter open · / search · e entities · q quit · ? keys · r r…",
        ])
    }

    @Test("At 100 columns the source column appears and the top entities keep a column of their own")
    func listAt100() {
        let state = Fixtures.loadedState(width: 100, height: 6)
        #expect(state.screenLines == [
            " Brief · 2 unread of 3",
            " ● 2026-11-28  arctic-talks    Ministers meet in Reykjavik over Arctic …  Reykjavik, Arctic Council",
            "   2026-11-27  Wire Feed       Grain corridor talks resume                Ankara",
            " ● undated     briefing        Briefing transcript: State Department",
            "",
            " Enter open · / search · e entities · q quit · ? keys · r read · U unread only · A all read",
        ])
    }

    @Test("At 20 columns only the marker and the headline remain")
    func listAt20() {
        let state = Fixtures.loadedState(width: 20, height: 6)
        #expect(state.screenLines == [
            " Brief · 2 unread o…",
            " ● Ministers meet …",
            "   Grain corridor …",
            " ● Briefing transc…",
            "",
            " Enter open · / sea…",
        ])
    }

    @Test("The selected row is reversed across the whole width; unread headlines are bold")
    func selectionAndUnreadStyles() {
        let state = Fixtures.apply(Fixtures.loadedState(width: 60, height: 12), .moveDown)
        let grid = Reader.view(state)
        #expect((0..<60).allSatisfy { grid[$0, 2]?.style.reverse == true })
        #expect((0..<60).allSatisfy { grid[$0, 1]?.style.reverse == false })
        #expect(grid[15, 1]?.style.bold == true)   // "Ministers…" (unread)
        #expect(grid[15, 2]?.style.bold == false)  // "Grain…" (read)
        #expect(grid[47, 2]?.style.dim == true)    // "Ankara"
    }

    @Test("An empty cache and an empty unread-only list say what to do")
    func emptyLists() {
        let empty = Fixtures.loadedState(stories: [])
        #expect(empty.screenLines[1] == " No stories yet. Add some with `brief import PATH`.")
        var unread = Fixtures.apply(empty, .toggleUnreadOnly)
        unread = Fixtures.apply(unread, .listLoaded([], total: 3, unread: 0))
        #expect(unread.screenLines[0] == " Brief · 0 unread of 3 · unread only")
        #expect(unread.screenLines[1] == " No unread stories. U shows them all.")
    }

    @Test("At 80 columns the top entities keep a narrow column of their own")
    func listAt80() {
        let lines = Fixtures.loadedState(width: 80, height: 6).screenLines
        #expect(lines[1] == " ● 2026-11-28  arctic-talks    Ministers meet in Reykjav…  Reykjavik, Arctic C…")
        #expect(lines[2] == "   2026-11-27  Wire Feed       Grain corridor talks resu…  Ankara")
    }
}
