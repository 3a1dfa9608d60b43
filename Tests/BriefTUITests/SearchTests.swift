import BriefStore
import Testing
@testable import BriefTUI

@Suite("Searching the library and a story")
struct SearchTests {
    @Test("/ in the list opens a prompt; keys type into it rather than acting")
    func promptTakesKeys() {
        let state = Fixtures.apply(Fixtures.loadedState(), .search)
        #expect(state.prompt == Prompt(.library))
        #expect(Reader.operation(for: .character("q"), in: state) == .typed("q"))
        #expect(Reader.operation(for: .enter, in: state) == .submit)
        #expect(Reader.operation(for: .escape, in: state) == .cancelPrompt)
        #expect(Reader.operation(for: .backspace, in: state) == .deleteBackward)
        #expect(Reader.operation(for: .character("q"), in: Fixtures.loadedState()) == .back)
        let typed = Fixtures.apply(state, .typed("g"), .typed("r"), .typed("x"), .deleteBackward)
        #expect(typed.prompt?.text == "gr")
        #expect(typed.screenLines.last == " Search all stories: gr")
        #expect(Fixtures.apply(typed, .cancelPrompt).prompt == nil)
    }

    @Test("Enter searches the library; the list shows the matches best first with the first selected")
    func librarySearch() {
        var state = Fixtures.apply(Fixtures.loadedState(), .search, .typed("t"), .typed("a"), .typed("l"), .typed("k"))
        let (searching, effects) = Reader.update(state, .submit)
        #expect(effects == [.search("talk", unreadOnly: false, recount: false)])
        state = Fixtures.apply(searching, .searchLoaded(query: "talk", [Fixtures.grain, Fixtures.arctic], total: 3, unread: 2))
        #expect(state.selectedID == 2)
        #expect(state.screenLines[0] == " Brief · 2 unread of 3 · “talk”: 2 found")
        #expect(state.screenLines[1].contains("Grain corridor talks resume"))
        #expect(state.screenLines[2].contains("Ministers meet"))
        // Marking read while searching reloads the search, not the whole list
        #expect(Reader.update(state, .toggleRead).1 == [.setRead(false, ids: [2]), .search("talk", unreadOnly: false)])
        // A plain list reload does not replace the results
        #expect(Fixtures.apply(state, .listLoaded(Fixtures.summaries, total: 3, unread: 2)).stories.count == 2)
        // Esc clears the search and reloads the list
        let (cleared, clearEffects) = Reader.update(state, .clear)
        #expect(cleared.search == nil)
        #expect(clearEffects == [.loadList(unreadOnly: false)])
    }

    @Test("No match says so; a stale result for an older query is ignored")
    func noMatch() {
        var state = Fixtures.apply(Fixtures.loadedState(), .search, .typed("z"), .submit)
        state = Fixtures.apply(state, .searchLoaded(query: "old", Fixtures.summaries, total: 3, unread: 2))
        #expect(state.stories == Fixtures.summaries)
        state = Fixtures.apply(state, .searchLoaded(query: "z", [], total: 3, unread: 2))
        #expect(state.screenLines[1] == " No stories match. Esc clears the search.")
        // Results without counts (a new query) keep the title's counts.
        state = Fixtures.apply(state, .search, .typed("t"), .submit, .searchLoaded(query: "t", [], total: nil, unread: nil))
        #expect(state.screenLines[0].hasPrefix(" Brief · 2 unread of 3"))
    }

    @Test("/ in a story highlights every match and n/N step through them")
    func storySearch() throws {
        var state = Fixtures.apply(Fixtures.openState(), .search)
        #expect(state.prompt == Prompt(.story))
        state = Fixtures.apply(state, .typed("c"), .typed("o"), .typed("u"), .typed("n"), .typed("c"), .typed("i"),
                               .typed("l"), .submit)
        let page = try #require(state.page)
        #expect(page.matches.count == 2)  // "Council" twice (Arctic, Inuit Circumpolar)
        #expect(page.matchIndex == 0)
        #expect(state.status == "Match 1 of 2 · n/N next/previous · Esc clears")
        // The current match is drawn bold, underlined and reversed in monochrome
        let grid = Reader.view(state)
        let row = try #require((0..<grid.height).first { grid.lines[$0].contains("Arctic Council met") })
        let x = try #require(grid.lines[row].range(of: "Council").map { grid.lines[row].distance(from: grid.lines[row].startIndex, to: $0.lowerBound) })
        #expect(grid[x, row]?.style.reverse == true && grid[x, row]?.style.bold == true)
        // n goes to the next match (not the next unread story), N wraps back
        let (next, effects) = Reader.update(state, .nextUnread)
        #expect(effects.isEmpty && next.page?.matchIndex == 1 && next.screen == .story)
        #expect(Fixtures.apply(next, .nextUnread).page?.matchIndex == 0)
        #expect(Fixtures.apply(state, .previousUnread).page?.matchIndex == 1)
        // Esc clears the search; then n is next unread again
        let cleared = Fixtures.apply(state, .clear)
        #expect(cleared.page?.searchText == nil && cleared.page?.matches.isEmpty == true)
        #expect(Reader.update(cleared, .nextUnread).1.first == .loadStory(id: 1))
    }

    @Test("A story search with no match says so")
    func storyNoMatch() {
        let state = Fixtures.apply(Fixtures.openState(), .search, .typed("q"), .typed("x"), .submit)
        #expect(state.status == "Not found: qx")
        #expect(Fixtures.apply(state, .nextUnread).status == "Not found: qx")
    }

    @Test("Control characters typed at the prompt are dropped")
    func hostileTyping() {
        let state = Fixtures.apply(Fixtures.loadedState(), .search, .typed("\u{1B}"), .typed("a"), .typed("\u{202E}"))
        #expect(state.prompt?.text == "a")
    }
}
