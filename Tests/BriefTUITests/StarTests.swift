import BriefStore
import Testing
@testable import BriefTUI

@Suite("s stars a story, S shows the starred ones, u takes a star back")
struct StarTests {
    @Test("s in the list stars the selected story through the store and marks its row at once")
    func starInList() {
        // Given the arctic story selected in the list
        let (starred, effects) = Reader.update(Fixtures.loadedState(), .toggleStar)
        // Then the store is told to star it, and its row shows the star without a reload
        #expect(effects == [.setStarred(true, ids: [3])])
        #expect(starred.stories[0].isStarred)
        #expect(starred.screenLines[1].hasPrefix("★● 2026-11-28"))
        #expect(starred.status == "Starred · u undoes")
        // When s is pressed again, Then the star comes off
        let (unstarred, again) = Reader.update(starred, .toggleStar)
        #expect(again == [.setStarred(false, ids: [3])])
        #expect(unstarred.screenLines[1].hasPrefix(" ● 2026-11-28"))
    }

    @Test("u takes back a star, through the same store write as any mark")
    func undoStar() {
        let starred = Fixtures.apply(Fixtures.loadedState(), .toggleStar)
        let (undone, effects) = Reader.update(starred, .undo)
        #expect(effects == [.setStarred(false, ids: [3])])
        #expect(!undone.stories[0].isStarred)
        #expect(undone.status == "Undone, unstarred again: “Ministers meet in Reykjavik over Arctic shipping”")
        // A read mark after a star undoes first, then the star
        let both = Fixtures.apply(Fixtures.loadedState(), .toggleStar, .toggleRead)
        #expect(Reader.update(both, .undo).1 == [.setRead(false, ids: [3])])
        #expect(Reader.update(Reader.update(both, .undo).0, .undo).1 == [.setStarred(false, ids: [3])])
    }

    @Test("s in the open story stars it and the story's title shows the star")
    func starInStory() {
        let state = Fixtures.openState()
        let (starred, effects) = Reader.update(state, .toggleStar)
        #expect(effects == [.setStarred(true, ids: [3])])
        #expect(starred.page?.stored?.summary.isStarred == true)
        #expect(starred.screenLines[0].hasPrefix(" Brief › arctic-talks ★"))
    }

    @Test("S opens the Starred list, titled so, and S again shows every story")
    func starredView() {
        let (state, effects) = Reader.update(Fixtures.loadedState(), .toggleStarredOnly)
        #expect(effects == [.loadList(unreadOnly: false, scope: .starred)])
        var grain = Fixtures.grain
        grain.starredAt = grain.importedAt
        let loaded = Fixtures.apply(state, .listLoaded([grain], total: 1, unread: 0))
        #expect(loaded.screenLines[0] == " Brief › Starred · 0 unread of 1")
        #expect(loaded.screenLines[1].hasPrefix("★  2026-11-27"))
        // Unstarring in the Starred list reads it again (the story leaves it)
        #expect(Reader.update(loaded, .toggleStar).1 == [.setStarred(false, ids: [2]),
                                                         .loadList(unreadOnly: false, scope: .starred)])
        #expect(Reader.update(loaded, .toggleStarredOnly).1 == [.loadList(unreadOnly: false, scope: .all)])
        // An empty Starred list says how to star
        let empty = Fixtures.apply(state, .listLoaded([], total: 0, unread: 0))
        #expect(empty.screenLines[1] == " No starred stories. s stars one; S shows all.")
    }

    @Test("The keys are in the keymap and so in help")
    func keysInHelp() {
        #expect(Keymap.standard.operation(for: .character("s")) == .toggleStar)
        #expect(Keymap.standard.operation(for: .character("S")) == .toggleStarredOnly)
    }
}
