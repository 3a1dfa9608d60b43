@testable import BriefLayout
import BriefTagger
import Testing
@testable import BriefTUI

/// Each screen carries its state on the stack, so going back shows the screen below exactly as it was left.
@Suite("The screen stack")
struct ScreenStackTests {
    @Test("Back from the entity panel shows the story scrolled exactly where it was, mid-paragraph")
    func panelBackKeepsScroll() throws {
        // Given a long story scrolled into the middle of a paragraph on a narrow screen
        let stored = Fixtures.longStory(paragraphs: 30)
        let state = Fixtures.apply(Fixtures.openState(stored, width: 60, height: 12), .moveDown, .moveDown, .moveDown,
                                   .moveDown, .moveDown)
        let page = try #require(state.page)
        #expect(page.scroll.top == 5)
        #expect(state.page?.layout.map { $0.firstLine(ofBlock: $0.lines.block(ofLine: 5)) } != 5)
        // When the panel opens and closes, the story is the same page
        let back = Fixtures.apply(state, .entities, .back)
        #expect(back.screens == [.list, .story])
        #expect(back.page == page)
    }

    @Test("An index opened over another starts from it and keeps its own changes; back shows the first unchanged")
    func indexOverIndex() {
        // Given the index, filtered to places, with an entity page opened from it
        var state = Fixtures.apply(Fixtures.indexState(), .cycleType, .cycleType, .cycleType)
        #expect(state.index?.type == .place)
        state = Fixtures.apply(state, .entitiesLoaded(type: .place, filter: "", [Fixtures.reykjavik]), .open)
        #expect(state.screens == [.list, .entityIndex, .entityPage])
        // When e opens a second index, it shows places too; t changes only it
        let (second, effects) = Reader.update(state, .entityIndex)
        #expect(second.screens == [.list, .entityIndex, .entityPage, .entityIndex])
        #expect(effects == [.loadEntities(type: .place, filter: "")])
        let changed = Fixtures.apply(second, .cycleType)
        #expect(changed.index?.type == .group)
        // Then going back twice shows the first index with its places
        let first = Fixtures.apply(changed, .back, .back)
        #expect(first.screen == .entityIndex)
        #expect(first.index?.type == .place)
        #expect(first.index?.entities == [Fixtures.reykjavik])
    }

    @Test("e opens the index again as it was last left: its type, filter and entities")
    func indexReopens() {
        let left = Fixtures.apply(Fixtures.indexState(), .cycleType, .entitiesLoaded(type: .person, filter: "", [Fixtures.solberg]),
                                  .back)
        #expect(left.screen == .list)
        let (reopened, effects) = Reader.update(left, .entityIndex)
        #expect(effects == [.loadEntities(type: .person, filter: "")])
        #expect(reopened.screenLines[2].hasSuffix("Ingrid Solberg"))
    }

    @Test("A story opened from an entity page over another story leaves that story, and its focus, below")
    func storiesStack() {
        var state = Fixtures.apply(Fixtures.openState(), .nextMention, .nextMention)
        let first = state.page
        state = Fixtures.apply(state, .open, .entityLoaded(key: "LOC:reykjavik", Fixtures.reykjavikProfile))
        state = Fixtures.apply(state, .open, .storyLoaded(id: 2, Fixtures.reykjavikGrainStory))
        #expect(state.screens == [.list, .story, .entityPage, .story])
        #expect(Fixtures.apply(state, .back, .back).page == first)
    }
}

@Suite("The cursor every list and text view moves")
struct CursorTests {
    @Test("Selecting moves by one, by a page and to the ends, and stays among the items")
    func select() {
        var cursor = Cursor()
        cursor.select(.up, count: 10, page: 4)
        #expect(cursor.selected == 0)
        cursor.select(.pageDown, count: 10, page: 4)
        #expect(cursor.selected == 4)
        cursor.select(.bottom, count: 10, page: 4)
        #expect(cursor.selected == 9)
        cursor.select(.down, count: 10, page: 4)
        #expect(cursor.selected == 9)
        cursor.select(.bottom, count: 0, page: 4)
        #expect(cursor.selected == 0)
    }

    @Test("Scrolling pages keep one line, and the view never passes the last full screen")
    func scroll() {
        var cursor = Cursor()
        cursor.scroll(.pageDown, lineCount: 30, height: 10)
        #expect(cursor.top == 9)
        cursor.scroll(.bottom, lineCount: 30, height: 10)
        #expect(cursor.top == 20)
        cursor.scroll(.down, lineCount: 30, height: 10)
        #expect(cursor.top == 20)
        cursor.scroll(.down, lineCount: 5, height: 10)
        #expect(cursor.top == 0)
    }

    @Test("Revealing scrolls just enough, or brings rows below to the top when asked")
    func reveal() {
        var cursor = Cursor(top: 10)
        cursor.reveal(row: 4, height: 5, lineCount: 100)
        #expect(cursor.top == 4)
        cursor.reveal(row: 12, height: 5, lineCount: 100)
        #expect(cursor.top == 8)
        cursor.reveal(20..<23, height: 5, lineCount: 100, fromTop: true)
        #expect(cursor.top == 20)
        cursor.reveal(30..<40, height: 5, lineCount: 100)
        #expect(cursor.top == 30)
        cursor.reveal(row: 99, height: 5, lineCount: 100)
        #expect(cursor.top == 95)
    }
}
