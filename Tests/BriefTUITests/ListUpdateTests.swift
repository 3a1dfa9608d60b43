import BriefStore
import Testing
@testable import BriefTUI

@Suite("update() on the story list")
struct ListUpdateTests {
    @Test("Starting the reader asks for the story list and selects the first story once it arrives")
    func startLoadsList() {
        let (state, effects) = Reader.start(size: ScreenSize(width: 60, height: 12), theme: Theme(mode: .monochrome))
        #expect(effects == [.loadList(unreadOnly: false)])
        #expect(state.screenLines[1] == " Loading…")
        let loaded = Fixtures.loadedState()
        #expect(loaded.selectedID == 3)
        #expect(loaded.totalCount == 3 && loaded.unreadCount == 2)
    }

    @Test("moveDown and moveUp move the selection and stop at the ends")
    func moveDownUp() {
        let state = Fixtures.loadedState()
        #expect(Fixtures.apply(state, .moveDown).selectedID == 2)
        #expect(Fixtures.apply(state, .moveDown, .moveDown, .moveDown).selectedID == 1)
        #expect(Fixtures.apply(state, .moveUp).selectedID == 3)
        #expect(Fixtures.apply(state, .moveDown, .moveUp).selectedID == 3)
    }

    @Test("pageDown, pageUp, top and bottom jump by a screen or to the ends")
    func pagingAndEnds() {
        // Given 30 stories in a list with 10 visible rows
        let many = (1...30).map { BriefStoreSummary.make(id: Int64($0), title: "Story \($0)") }
        let state = Fixtures.loadedState(stories: many)
        // When paging down once, the selection moves by a screen
        let paged = Fixtures.apply(state, .pageDown)
        #expect(paged.selectedID == 11)
        #expect(paged.listTop == 1)
        #expect(Fixtures.apply(paged, .pageUp).selectedID == 1)
        let bottom = Fixtures.apply(state, .bottom)
        #expect(bottom.selectedID == 30)
        #expect(bottom.listTop == 20)
        #expect(Fixtures.apply(bottom, .top).listTop == 0)
    }

    @Test("Opening an unread story shows it, loads it and marks it read in the store")
    func openUnread() {
        let state = Fixtures.loadedState()
        let (opened, effects) = Reader.update(state, .open)
        #expect(opened.screen == .story)
        #expect(opened.page?.id == 3)
        #expect(effects == [.loadStory(id: 3), .setRead(true, ids: [3])])
    }

    @Test("Opening a read story only loads it")
    func openRead() {
        let state = Fixtures.apply(Fixtures.loadedState(), .moveDown)
        let (_, effects) = Reader.update(state, .open)
        #expect(effects == [.loadStory(id: 2)])
    }

    @Test("back on the list quits; quit quits from anywhere")
    func backAndQuit() {
        #expect(Fixtures.apply(Fixtures.loadedState(), .back).isFinished)
        #expect(Fixtures.apply(Fixtures.openState(), .quit).isFinished)
        let back = Fixtures.apply(Fixtures.openState(), .back)
        #expect(!back.isFinished && back.screen == .list && back.page == nil)
    }

    @Test("toggleRead flips the selected story's read mark in the store and in the list as shown, without reloading it")
    func toggleRead() {
        let loaded = Fixtures.loadedState()
        let (unread, effects) = Reader.update(loaded, .toggleRead)
        #expect(effects == [.setRead(true, ids: [3])])
        #expect(unread.status == "Marked read")
        #expect(unread.stories.first { $0.id == 3 }?.isRead == true)
        #expect(unread.unreadCount == loaded.unreadCount - 1)
        let (read, readEffects) = Reader.update(Fixtures.apply(Fixtures.loadedState(), .moveDown), .toggleRead)
        #expect(readEffects == [.setRead(false, ids: [2])])
        #expect(read.stories.first { $0.id == 2 }?.isRead == false)
        #expect(read.unreadCount == loaded.unreadCount + 1)
    }

    @Test("toggleRead in an unread-only list reloads it, since the story leaves it")
    func toggleReadUnreadOnly() {
        var state = Fixtures.loadedState()
        state.unreadOnly = true
        let (_, effects) = Reader.update(state, .toggleRead)
        #expect(effects == [.setRead(true, ids: [3]), .loadList(unreadOnly: true)])
    }

    @Test("toggleUnreadOnly reloads the list with only unread stories, and back")
    func unreadOnly() {
        let (state, effects) = Reader.update(Fixtures.loadedState(), .toggleUnreadOnly)
        #expect(state.unreadOnly)
        #expect(effects == [.loadList(unreadOnly: true)])
        #expect(state.screenLines[0].contains("unread only"))
        #expect(Reader.update(state, .toggleUnreadOnly).1 == [.loadList(unreadOnly: false)])
    }

    @Test("nextUnread and previousUnread skip read stories")
    func nextPreviousUnread() {
        let state = Fixtures.loadedState()
        let next = Fixtures.apply(state, .nextUnread)
        #expect(next.selectedID == 1)
        #expect(Fixtures.apply(next, .previousUnread).selectedID == 3)
        let none = Fixtures.apply(next, .nextUnread)
        #expect(none.selectedID == 1)
        #expect(none.status == "No more unread stories")
    }

    @Test("markAllRead asks the store, offers undo, and undo marks exactly those stories unread")
    func markAllReadAndUndo() {
        let (state, effects) = Reader.update(Fixtures.loadedState(), .markAllRead)
        #expect(effects == [.markAllRead])
        let (marked, reload) = Reader.update(state, .markedAllRead([3, 1]))
        #expect(reload == [.loadList(unreadOnly: false)])
        #expect(marked.status == "Marked 2 read · u undoes")
        let (undone, undoEffects) = Reader.update(marked, .undo)
        #expect(undoEffects == [.setRead(false, ids: [3, 1])])
        #expect(undone.status == "Undone, 2 stories unread again")
        #expect(undone.undoStack.isEmpty)
        #expect(Reader.update(undone, .undo).1.isEmpty)
    }

    @Test("The selection is kept by story id when the list reloads in another order")
    func selectionSurvivesReload() {
        // Given the second story selected
        let state = Fixtures.apply(Fixtures.loadedState(), .moveDown)
        // When the list comes back with a new story on top
        let newcomer = StorySummary(id: 9, title: "New", source: "s", published: Fixtures.day(29),
                                    importedAt: Fixtures.day(29), readAt: nil)
        let reloaded = Fixtures.apply(state, .listLoaded([newcomer] + Fixtures.summaries, total: 4, unread: 3))
        // Then the same story is still selected
        #expect(reloaded.selectedID == 2)
        #expect(reloaded.selectedIndex == 2)
    }

    @Test("When the selected story leaves the list, its neighbour is selected")
    func selectionFallsToNeighbour() {
        let state = Fixtures.apply(Fixtures.loadedState(), .moveDown)
        let reloaded = Fixtures.apply(state, .listLoaded([Fixtures.arctic, Fixtures.briefing], total: 3, unread: 2))
        #expect(reloaded.selectedID == 1)
        let empty = Fixtures.apply(state, .listLoaded([], total: 0, unread: 0))
        #expect(empty.selectedID == nil)
    }

    @Test("A failed effect shows its message in the status bar until the next key")
    func failureShowsStatus() {
        let failed = Fixtures.apply(Fixtures.loadedState(), .failed("Could not load the story list: disk I/O error"))
        #expect(failed.screenLines.last == " Could not load the story list: disk I/O error")
        #expect(Fixtures.apply(failed, .moveDown).status == nil)
    }

    @Test("help opens the keys screen; ?, q or Esc closes it")
    func helpToggles() {
        let help = Fixtures.apply(Fixtures.loadedState(), .help)
        #expect(help.screen == .help)
        #expect(Fixtures.apply(help, .help).screen == .list)
        #expect(Fixtures.apply(help, .back).screen == .list)
        #expect(Fixtures.apply(help, .clear).screen == .list)
    }
}
