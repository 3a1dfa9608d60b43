import BriefStore
import Testing
@testable import BriefTUI

@Suite("The library-wide entity index")
struct EntityIndexTests {
    @Test("e opens the index from the list or a story and asks for every entity")
    func opens() {
        let (fromList, effects) = Reader.update(Fixtures.loadedState(), .entityIndex)
        #expect(fromList.screen == .entityIndex)
        #expect(effects == [.loadEntities(type: nil, filter: "")])
        let (fromStory, _) = Reader.update(Fixtures.openState(), .entityIndex)
        #expect(fromStory.screens == [.list, .story, .entityIndex])
        #expect(Fixtures.apply(fromStory, .back).screen == .story)
    }

    @Test("The index lists entities most mentioned first with counts and type, the first selected")
    func grid() {
        let state = Fixtures.indexState()
        #expect(state.screenLines == [
            " Brief › Entities · All types                                                 3",
            "   Mentions Stories  Type          Name",
            "          5       2  Place         Reykjavik",
            "          3       1  Organisation  Arctic Council",
            "          1       1  Person        Ingrid Solberg",
            "", "", "", "",
            " Enter opens · t type · / filter · Esc clears · q back",
        ])
        #expect(Reader.view(state)[5, 2]?.style.reverse == true)
    }

    @Test("t cycles All, Person, Organisation, Place, Group and back, reloading each time")
    func typeCycle() {
        var state = Fixtures.indexState()
        var seen: [String] = []
        for _ in 0..<5 {
            let (next, effects) = Reader.update(state, .cycleType)
            state = next
            seen.append(state.index?.type?.displayName ?? "All")
            #expect(effects == [.loadEntities(type: state.index?.type, filter: "")])
        }
        #expect(seen == ["Person", "Organisation", "Place", "Group", "All"])
        state = Fixtures.apply(Fixtures.indexState(), .cycleType, .entitiesLoaded(type: .person, filter: "", [Fixtures.solberg]))
        #expect(state.screenLines[0].hasPrefix(" Brief › Entities · Person"))
        #expect(state.screenLines[2].hasSuffix("Ingrid Solberg"))
    }

    @Test("/ types a name filter that applies as you type; Esc clears it")
    func nameFilter() {
        var state = Fixtures.apply(Fixtures.indexState(), .search)
        #expect(state.prompt == Prompt(.entityName))
        let (typed, effects) = Reader.update(Fixtures.apply(state, .typed("a")), .typed("r"))
        #expect(effects == [.loadEntities(type: nil, filter: "ar")])
        #expect(typed.screenLines.last == " Filter names: ar")
        state = Fixtures.apply(typed, .submit, .entitiesLoaded(type: nil, filter: "ar", [Fixtures.council]))
        #expect(state.prompt == nil)
        #expect(state.screenLines[0].contains("“ar”"))
        #expect(state.screenLines[2].hasSuffix("Arctic Council"))
        // A result for an older filter is ignored
        #expect(Fixtures.apply(state, .entitiesLoaded(type: nil, filter: "a", Fixtures.index)).index?.entities.count == 1)
        let (cleared, clearEffects) = Reader.update(state, .clear)
        #expect(cleared.index?.nameFilter.isEmpty == true)
        #expect(clearEffects == [.loadEntities(type: nil, filter: "")])
        #expect(cleared.screen == .entityIndex)
        // With no filter left, Esc leaves the index, as it leaves an entity page
        let (left, leftEffects) = Reader.update(cleared, .clear)
        #expect(left.screen == .list && leftEffects.isEmpty)
    }

    @Test("No match says how to widen the search")
    func noMatch() {
        let state = Fixtures.apply(Fixtures.indexState(), .search, .typed("z"), .entitiesLoaded(type: nil, filter: "z", []))
        #expect(state.screenLines[2] == " No entities match. Esc clears the filter, t changes the type.")
    }

    @Test("Enter opens the selected entity's page; j moves the selection and scrolls")
    func openAndScroll() {
        let many = (1...30).map {
            EntitySummary(key: "PER:p\($0)", name: "Person \($0)", type: .person, stories: 1, mentions: 31 - $0)
        }
        var state = Fixtures.indexState(entities: many)
        state = Fixtures.apply(state, .pageDown, .moveDown)
        // (8 body rows, one of them the column header: a page is 6 rows)
        #expect(state.index?.cursor.selected == 7)
        #expect(state.index?.cursor.top == 1)
        let (opened, effects) = Reader.update(state, .open)
        #expect(opened.screen == .entityPage)
        #expect(effects == [.loadEntity(key: "PER:p8")])
    }
}
