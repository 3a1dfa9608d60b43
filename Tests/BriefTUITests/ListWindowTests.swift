import BriefLibrary
import BriefModel
import BriefStore
import Foundation
import Testing
@testable import BriefTUI

/// A list longer than a window (`StoryWindow.size` rows): the reader holds a window of it, and moving, marking,
/// reloading and finding unread stories must land on the story the whole list has at that position.
@Suite("A story list read a window at a time")
struct ListWindowTests {
    /// 1,000 stories, "Story 0000" the newest (position 0) to "Story 0999" the oldest.
    static let count = 1000

    static func store(count: Int = ListWindowTests.count) throws -> Store {
        let store = try Store.inMemory()
        let items = (0..<count).map { n in
            let title = String(format: "Story %04d", n)
            let text = "Delegates met for session \(n) and argued about quotas."
            return ImportItem(story: Story(title: title, sections: [Section(kind: .lede, paragraphs: [Paragraph(text: text)])]),
                              originalText: title + "\n\n" + text, source: "Wire",
                              published: Date(timeIntervalSince1970: 1_790_000_000 - Double(n) * 600), format: .article)
        }
        _ = try store.importStories(items)
        return store
    }

    /// The reader as the app loop runs it: each operation, then every effect it asks for (and the effects their
    /// results ask for) against the store.
    static func run(_ state: ReaderState, _ operations: [ReaderOperation], _ effects: StoreEffects) -> ReaderState {
        var state = state
        for operation in operations {
            let (next, asked) = Reader.update(state, operation)
            state = next
            var queue = asked
            while !queue.isEmpty {
                for result in effects.perform(queue.removeFirst()) {
                    let (after, more) = Reader.update(state, result)
                    state = after
                    queue += more
                }
            }
        }
        return state
    }

    static func started(_ effects: StoreEffects, height: Int = 12) -> ReaderState {
        let (state, asked) = Reader.start(size: ScreenSize(width: 60, height: height), theme: Theme(mode: .monochrome))
        var started = state
        for effect in asked {
            for result in effects.perform(effect) { started = run(started, [result], effects) }
        }
        return started
    }

    @Test("The first frame holds a window of the list; G, paging and g select the story the whole list has there")
    func movesThroughWindows() throws {
        let store = try Self.store()
        let all = try store.summaries()
        let effects = StoreEffects(store: store)
        var state = Self.started(effects)
        #expect(state.stories.count == StoryWindow.size && state.listCount == Self.count)
        #expect(state.selectedID == all[0].id && state.totalCount == Self.count)
        // G: the last story, selected and drawn on the last row of the list
        state = Self.run(state, [.bottom], effects)
        #expect(state.selectedStory == all[Self.count - 1] && state.selectedIndex == Self.count - 1)
        #expect(state.screenLines[state.bodyHeight].contains("Story 0999"))
        // Paging up from the end, then down from the top: every page lands on the whole list's row
        for step in 1...120 {
            state = Self.run(state, [.pageUp], effects)
            let position = max(0, Self.count - 1 - step * state.bodyHeight)
            #expect(state.selectedStory == all[position], "page up \(step)")
            if position == 0 { break }
        }
        for step in 1...120 {
            state = Self.run(state, [.moveDown], effects)
            #expect(state.selectedStory == all[step], "down \(step)")
        }
        state = Self.run(state, [.top], effects)
        #expect(state.selectedStory == all[0] && state.listTop == 0)
        #expect(state.screenLines[1].contains("Story 0000"))
    }

    @Test("Marking far down the list marks that story; u undoes it; unread only keeps the selection's neighbour")
    func marksFarDown() throws {
        let store = try Self.store()
        let all = try store.summaries()
        let effects = StoreEffects(store: store)
        var state = Self.run(Self.started(effects), [.bottom] + Array(repeating: .moveUp, count: 299), effects)
        #expect(state.selectedStory?.id == all[700].id)
        state = Self.run(state, [.toggleRead], effects)
        #expect(try store.summaries()[700].isRead && state.selectedStory?.isRead == true)
        #expect(try store.count(unreadOnly: true) == Self.count - 1 && state.unreadCount == Self.count - 1)
        state = Self.run(state, [.undo], effects)
        #expect(try !store.summaries()[700].isRead && state.selectedStory?.id == all[700].id)
        // Unread only: marking the selected story read takes it out, and the story after it is selected
        state = Self.run(state, [.toggleUnreadOnly], effects)
        #expect(state.selectedStory?.id == all[700].id && state.selectedIndex == 700)
        state = Self.run(state, [.toggleRead], effects)
        #expect(state.listCount == Self.count - 1 && state.selectedStory?.id == all[701].id)
        #expect(state.selectedIndex == 700)
        // u brings it back, selected
        state = Self.run(state, [.undo], effects)
        #expect(state.listCount == Self.count && state.selectedStory?.id == all[700].id)
    }

    @Test("n finds the next unread story beyond the window, in the list and from an open story")
    func nextUnreadBeyondWindow() throws {
        let store = try Self.store()
        let all = try store.summaries()
        try store.setRead(true, ids: all.map(\.id))
        try store.setRead(false, ids: [all[900].id, all[950].id])
        let effects = StoreEffects(store: store)
        var state = Self.started(effects)
        state = Self.run(state, [.nextUnread], effects)
        #expect(state.selectedStory?.id == all[900].id && state.selectedIndex == 900)
        // From the open story, n opens the next unread one, wherever it is
        state = Self.run(state, [.open, .nextUnread], effects)
        #expect(state.page?.id == all[950].id && state.selectedIndex == 950)
        state = Self.run(state, [.back, .top, .previousUnread], effects)
        #expect(state.selectedIndex == 0 && state.status == "No more unread stories")
        // Opening them marked both read; one story far up is unread again: N from the end finds it
        try store.setRead(false, ids: [all[100].id])
        state = Self.run(state, [.bottom, .previousUnread], effects)
        #expect(state.selectedStory?.id == all[100].id && state.selectedIndex == 100)
        state = Self.run(state, [.previousUnread], effects)
        #expect(state.selectedIndex == 100 && state.status == "No more unread stories")
    }

    @Test("Stories arriving while the reader is far down the list keep the selection on its story")
    func reloadKeepsStory() throws {
        let store = try Self.store()
        let all = try store.summaries()
        let effects = StoreEffects(store: store)
        var state = Self.run(Self.started(effects), [.bottom] + Array(repeating: .pageUp, count: 50), effects)
        let selected = try #require(state.selectedStory)
        let position = try #require(state.selectedIndex)
        #expect(selected == all[position] && position < Self.count - StoryWindow.size)
        // Five newer stories arrive (another process fetched them)
        let newer = (0..<5).map { n in
            ImportItem(story: Story(title: "Newer \(n)", sections: [Section(kind: .lede, paragraphs: [Paragraph(text: "News \(n).")])]),
                       originalText: "Newer \(n)", source: "Wire",
                       published: Date(timeIntervalSince1970: 1_790_100_000 + Double(n)), format: .article)
        }
        _ = try store.importStories(newer)
        state = Self.run(state, [.changedOutside], effects)
        #expect(state.selectedStory?.id == selected.id && state.selectedIndex == position + 5)
        #expect(state.listCount == Self.count + 5 && state.totalCount == Self.count + 5)
        #expect(state.screenLines.contains { $0.contains(selected.title) })
    }

    @Test("Search results longer than a screen: G lands on the last match, Esc goes back to the whole list")
    func searchInLongList() throws {
        let store = try Self.store()
        let effects = StoreEffects(store: store)
        var state = Self.started(effects)
        state = Self.run(state, [.search] + "quotas".map { .typed($0) } + [.submit], effects)
        let found = try store.search("quotas")
        #expect(state.listCount == found.count && state.stories == found)
        #expect(state.screenLines[0].contains("\(found.count) found"))
        state = Self.run(state, [.bottom], effects)
        #expect(state.selectedStory == found.last)
        state = Self.run(state, [.clear], effects)
        #expect(state.listCount == Self.count && state.selectedIndex == 0)
    }

    @Test("A new query keeps the title's library counts; marks and changes from outside while searching count again")
    func searchCounts() throws {
        let store = try Self.store()
        let effects = StoreEffects(store: store)
        var state = Self.started(effects)
        // A new query does not count the library again (nothing was written): the counts stay those loaded.
        let typed = Self.run(state, [.search] + "session".map { .typed($0) }, effects)
        #expect(Reader.update(typed, .submit).1 == [.search("session", unreadOnly: false, recount: false)])
        state = Self.run(typed, [.submit], effects)
        #expect(state.screenLines[0].contains("\(Self.count) unread of \(Self.count)"))
        // Marking the selected match read reloads the search with the counts read again.
        state = Self.run(state, [.toggleRead], effects)
        #expect(try store.count(unreadOnly: true) == Self.count - 1)
        #expect(state.screenLines[0].contains("\(Self.count - 1) unread of \(Self.count)"))
        // Another process marks 10 more read: the reload that its change brings counts them.
        try store.setRead(true, ids: try store.summaries().suffix(10).map(\.id))
        state = Self.run(state, [.changedOutside], effects)
        #expect(state.search == "session")
        #expect(state.screenLines[0].contains("\(Self.count - 11) unread of \(Self.count)"))
    }
}
