import BriefStore
import Testing
@testable import BriefTUI

@Suite("Following an entity: the entity page")
struct EntityPageTests {
    @Test("Enter on a focused mention opens that entity's page and asks for it")
    func enterOpensPage() {
        // Given the arctic story with Reykjavik focused
        let state = Fixtures.apply(Fixtures.openState(), .nextMention, .nextMention)
        #expect(state.status == "Place: Reykjavik")
        // When pressing Enter
        let (after, effects) = Reader.update(state, .open)
        // Then the entity page opens and loads
        #expect(after.screen == .entityPage)
        #expect(effects == [.loadEntity(key: "LOC:reykjavik")])
        #expect(after.screenLines[1] == " Loading…")
    }

    @Test("Enter with nothing focused says how to follow a name")
    func enterWithoutFocus() {
        let (after, effects) = Reader.update(Fixtures.openState(), .open)
        #expect(after.screen == .story && effects.isEmpty)
        #expect(after.status == "Tab to a name first, then Enter opens its page")
    }

    @Test("The page shows name, type, aliases and each story with its sentence, unread marked")
    func pageGrid() {
        let state = Fixtures.entityPageState()
        #expect(state.screenLines == [
            " Brief › Place: Reykjavik                         2 stories",
            " Reykjavik",
            " Place · 5 mentions in 2 stories",
            " Also: Reykjavík",
            "",
            " ● 2026-11-28  Ministers meet in Reykjavik over Arctic shi…",
            "     Foreign ministers met in Reykjavik on Friday.",
            "",
            "   2026-11-27  Grain corridor talks resume",
            "     Talks moved from Reykjavik to Ankara.",
            "",
            " Enter opens the story at the mention · q back · e index",
        ])
        // And the selected story's row is reversed, and the mention in the sentence is styled as a place
        let grid = Reader.view(state)
        #expect(grid[3, 5]?.style.reverse == true)
        #expect(grid[30, 6]?.style == Theme(mode: .monochrome).entity(.place))
    }

    @Test("j moves to the next story; Enter opens it at the mention, focused, and marks it read")
    func openStoryAtMention() {
        var state = Fixtures.apply(Fixtures.entityPageState(), .moveDown)
        #expect(state.entityPage?.selected == 1)
        // Grain (id 2) is already read: opening asks only to load it
        let (opened, effects) = Reader.update(state, .open)
        #expect(opened.screen == .story && opened.page?.id == 2)
        #expect(effects == [.loadStory(id: 2)])
        // When a story mentioning Reykjavik arrives, its first mention is focused
        state = Fixtures.apply(opened, .storyLoaded(id: 2, Fixtures.reykjavikGrainStory))
        let spot = state.page?.layout?.mentions.first { $0.number == state.page?.focus }
        #expect(spot?.entity == "LOC:reykjavik")
        #expect(state.status == "Place: Reykjavik")
    }

    @Test("Opening an unread story from the page marks it read and shows it read on return")
    func openUnreadFromPage() {
        let (opened, effects) = Reader.update(Fixtures.entityPageState(), .open)
        #expect(effects == [.loadStory(id: 3), .setRead(true, ids: [3]), .loadList(unreadOnly: false)])
        let back = Fixtures.apply(opened, .back)
        #expect(back.screen == .entityPage)
        #expect(back.entityPage?.profile?.stories.first?.summary.isRead == true)
    }

    @Test("Back from the story returns to the page, and back again to the first story where it was")
    func backStack() {
        var state = Fixtures.entityPageState()
        let firstFocus = state.page?.focus
        state = Fixtures.apply(state, .moveDown, .open, .storyLoaded(id: 2, Fixtures.reykjavikGrainStory))
        #expect(state.screens == [.list, .story, .entityPage, .story])
        state = Fixtures.apply(state, .back)
        #expect(state.screen == .entityPage && state.entityPage?.key == "LOC:reykjavik")
        state = Fixtures.apply(state, .back)
        #expect(state.screen == .story && state.page?.id == 3)
        #expect(state.page?.focus == firstFocus)
        state = Fixtures.apply(state, .back)
        #expect(state.screen == .list && state.page == nil)
    }

    @Test("A result for another entity is ignored; a vanished entity says so")
    func staleAndMissing() {
        var state = Fixtures.apply(Fixtures.openState(), .nextMention, .open)
        state = Fixtures.apply(state, .entityLoaded(key: "LOC:elsewhere", Fixtures.reykjavikProfile))
        #expect(state.entityPage?.profile == nil)
        state = Fixtures.apply(state, .entityLoaded(key: "ORG:arctic-council", nil))
        #expect(state.screenLines[1] == " This entity is no longer in the cache.")
    }

    @Test("Sentences are cut from the paragraph around the mention")
    func sentences() {
        let paragraph = "Talks began on Monday. Mr. Lund met the Arctic Council in Tromsø. Nothing was agreed!"
        let start = Array(paragraph.unicodeScalars).count - "the Arctic Council in Tromsø. Nothing was agreed!".unicodeScalars.count + 4
        let cut = MentionSentence.cut(paragraph, start: start, end: start + 14)
        #expect(cut.sentence == "Mr. Lund met the Arctic Council in Tromsø.")
        let mention = String(String.UnicodeScalarView(Array(cut.sentence.unicodeScalars)[cut.start..<cut.end]))
        #expect(mention == "Arctic Council")
        // Bad offsets give the whole paragraph, no mention
        #expect(MentionSentence.cut("  A short one.  ", start: 40, end: 45) == ("A short one.", 0, 0))
    }
}
