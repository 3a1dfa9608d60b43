import BriefStore
import Testing
@testable import BriefTUI

@Suite("u undoes the last mark, in the story list and in the story")
struct UndoTests {
    @Test("r then u in the list restores the story’s unread mark through the store")
    func toggleThenUndoInList() {
        // Given the unread arctic story selected, marked read with r
        let (marked, markEffects) = Reader.update(Fixtures.loadedState(), .toggleRead)
        #expect(markEffects == [.setRead(true, ids: [3])])
        // When pressing u
        let (undone, effects) = Reader.update(marked, .undo)
        // Then the store is told to mark it unread again, the list reloads, and the status says so
        #expect(effects == [.setRead(false, ids: [3])])
        #expect(undone.status == "Undone, unread again: “Ministers meet in Reykjavik over Arctic shipping”")
        #expect(undone.undoStack.isEmpty)
    }

    @Test("r on a read story then u marks it read again")
    func undoMarkingUnread() {
        // Given the read grain story marked unread with r
        let state = Fixtures.apply(Fixtures.loadedState(), .moveDown, .toggleRead)
        // When undoing
        let (undone, effects) = Reader.update(state, .undo)
        // Then it is read again
        #expect(effects == [.setRead(true, ids: [2])])
        #expect(undone.status == "Undone, read again: “Grain corridor talks resume”")
    }

    @Test("In an unread-only list, a story r took away comes back selected after u")
    func undoInUnreadOnlyList() {
        // Given only unread stories shown, the arctic story selected and marked read (so it left the list)
        var state = Fixtures.apply(Fixtures.loadedState(), .toggleUnreadOnly)
        state = Fixtures.apply(state, .listLoaded([Fixtures.arctic, Fixtures.briefing], total: 3, unread: 2))
        state = Fixtures.apply(state, .toggleRead, .listLoaded([Fixtures.briefing], total: 3, unread: 1))
        #expect(state.selectedID == 1)
        // When undoing, and the list comes back with it
        let (undone, effects) = Reader.update(state, .undo)
        #expect(effects == [.setRead(false, ids: [3]), .loadList(unreadOnly: true)])
        let reloaded = Fixtures.apply(undone, .listLoaded([Fixtures.arctic, Fixtures.briefing], total: 3, unread: 2))
        // Then it is selected again
        #expect(reloaded.selectedID == 3)
    }

    @Test("With nothing marked, u says there is nothing to undo and asks the store for nothing")
    func nothingToUndo() {
        let (list, listEffects) = Reader.update(Fixtures.loadedState(), .undo)
        #expect(listEffects.isEmpty)
        #expect(list.screenLines.last == " Nothing to undo")
        // Opening a story that is already read is no mark either
        let read = Fixtures.apply(Fixtures.loadedState(), .moveDown, .open)
        let (story, storyEffects) = Reader.update(read, .undo)
        #expect(storyEffects.isEmpty)
        #expect(story.status == "Nothing to undo")
    }

    @Test("Marks undo newest first, one per u, across r and mark all read")
    func undoStackOrder() {
        // Given r on the arctic story, then A marking the other unread one
        var state = Fixtures.apply(Fixtures.loadedState(), .toggleRead, .markAllRead, .markedAllRead([1]))
        // When undoing twice
        let (first, firstEffects) = Reader.update(state, .undo)
        #expect(firstEffects == [.setRead(false, ids: [1])])
        let (second, secondEffects) = Reader.update(first, .undo)
        #expect(secondEffects == [.setRead(false, ids: [3])])
        // Then the stack is empty
        state = Fixtures.apply(second, .undo)
        #expect(state.status == "Nothing to undo")
    }

    @Test("Mark all read with nothing unread leaves nothing to undo")
    func emptyMarkAllReadNotRemembered() {
        let state = Fixtures.apply(Fixtures.loadedState(), .markAllRead, .markedAllRead([]))
        #expect(state.status == "No unread stories")
        #expect(state.undoStack.isEmpty)
    }

    @Test("The undo stack keeps only the latest marks")
    func undoStackIsBounded() {
        var state = Fixtures.loadedState()
        for _ in 0..<(ReadMark.undoLimit + 10) { state = Fixtures.apply(state, .toggleRead) }
        #expect(state.undoStack.count == ReadMark.undoLimit)
    }

    @Test("Opening an unread story marks it read; u in the story makes it unread again and shows it so")
    func undoOpeningInStory() {
        // Given the arctic story opened from the list (which marked it read)
        let state = Fixtures.openState()
        #expect(state.page?.stored?.summary.isRead == true)
        // When pressing u in the story view
        let (undone, effects) = Reader.update(state, .undo)
        // Then the store marks it unread, the list reloads and the open story shows it unread
        #expect(effects == [.setRead(false, ids: [3])])
        #expect(undone.screen == .story)
        #expect(undone.page?.stored?.summary.isRead == false)
        #expect(undone.screenLines.last == " Undone, unread again: “Ministers meet in Reykjavik over Ar…")
    }

    @Test("r in the story then u restores the read mark r changed, then the one opening made")
    func toggleThenUndoInStory() {
        // Given the opened (so read) arctic story marked unread with r
        let marked = Fixtures.apply(Fixtures.openState(), .toggleRead)
        #expect(marked.page?.stored?.summary.isRead == false)
        // When undoing once, it is read again (the r is undone)
        let (once, effects) = Reader.update(marked, .undo)
        #expect(effects == [.setRead(true, ids: [3])])
        #expect(once.page?.stored?.summary.isRead == true)
        // And undoing again takes back the opening's mark
        let (twice, moreEffects) = Reader.update(once, .undo)
        #expect(moreEffects == [.setRead(false, ids: [3])])
        #expect(twice.page?.stored?.summary.isRead == false)
    }

    @Test("With open_marks_read off, opening marks nothing and leaves nothing to undo")
    func openingWithoutMarking() {
        var state = Fixtures.loadedState()
        state.openMarksRead = false
        let (opened, effects) = Reader.update(state, .open)
        #expect(effects == [.loadStory(id: 3)])
        #expect(opened.undoStack.isEmpty)
    }

    @Test("Undoing a story opened from an entity page shows it unread on the page again")
    func undoFromEntityPage() {
        // Given the arctic story opened from Reykjavik's page (marking it read), then back on the page
        let state = Fixtures.apply(Fixtures.entityPageState(), .open, .back)
        #expect(state.entityPage?.profile?.stories.first?.summary.isRead == true)
        // When going into the story again and undoing there
        let reopened = Fixtures.apply(state, .open, .storyLoaded(id: 3, Fixtures.arcticStory))
        let undone = Fixtures.apply(reopened, .undo, .back)
        // Then the page marks it unread once more
        #expect(undone.screen == .entityPage)
        #expect(undone.entityPage?.profile?.stories.first?.summary.isRead == false)
        #expect(undone.screenLines[5].hasPrefix(" ● 2026-11-28"))
    }

    @Test("u is bound in the story list and the story, and its help says what it undoes")
    func undoKey() throws {
        #expect(Keymap.standard.operation(for: .character("u")) == .undo)
        let binding = Keymap.standard.bindings.first { $0.operation == .undo }
        #expect(binding?.scope == .reading)
        let help = Fixtures.apply(Fixtures.openState(width: 80, height: 60), .help).screenLines
        let heading = try #require(help.firstIndex(of: " Story list and story"))
        let line = try #require(help.firstIndex { $0.contains("Undo the last mark (r, s, A or opening)") })
        #expect(heading < line)
        #expect(help[line].hasSuffix("  undo"))
    }
}
