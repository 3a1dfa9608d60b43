import Testing
@testable import BriefTUI

@Suite("Refresh, mouse wheel and Esc")
struct BackgroundTests {
    @Test("R starts one background refresh; progress shows in the status bar; the end reloads the list")
    func refresh() {
        let (started, effects) = Reader.update(Fixtures.loadedState(), .refresh)
        #expect(effects == [.refreshFeeds])
        #expect(started.isRefreshing)
        #expect(started.screenLines[0].hasSuffix("refreshing…"))
        #expect(Reader.update(started, .refresh).1.isEmpty)
        let progress = Fixtures.apply(started, .moveDown, .refreshProgress("Refreshing feeds: 1 of 3 done…"))
        #expect(progress.screenLines.last == " Refreshing feeds: 1 of 3 done…")
        let (done, doneEffects) = Reader.update(progress, .refreshFinished("Refreshed: fetched 3 feeds"))
        #expect(!done.isRefreshing)
        #expect(doneEffects == [.libraryChanged, .loadList(unreadOnly: false)])
        // The reloaded list keeps the selection
        let reloaded = Fixtures.apply(done, .listLoaded([Fixtures.briefing, Fixtures.grain, Fixtures.arctic], total: 3, unread: 2))
        #expect(reloaded.selectedID == 2)
    }

    @Test("The wheel scrolls three lines at a time")
    func wheel() {
        let state = Fixtures.openState(Fixtures.longStory(paragraphs: 20))
        #expect(Fixtures.apply(state, .wheel(3)).page?.top == 3)
        #expect(Fixtures.apply(state, .wheel(3), .wheel(-3)).page?.top == 0)
        let list = Fixtures.loadedState()
        #expect(Fixtures.apply(list, .wheel(3)).selectedID == 1)
    }

    @Test("Esc clears the focus, then does nothing more in the story; q goes back")
    func escape() {
        let focused = Fixtures.apply(Fixtures.openState(), .nextMention)
        #expect(focused.page?.focus != nil)
        let cleared = Fixtures.apply(focused, .clear)
        #expect(cleared.page?.focus == nil && cleared.screen == .story)
        #expect(Fixtures.apply(cleared, .clear).screen == .story)
        #expect(Fixtures.apply(cleared, .back).screen == .list)
        #expect(Reader.operation(for: .escape, in: focused) == .clear)
    }
}
