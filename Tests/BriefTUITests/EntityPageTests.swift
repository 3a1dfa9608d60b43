import BriefLibrary
@testable import BriefLayout
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

    @Test("One mention in one story is said in the singular")
    func singular() {
        var state = Fixtures.apply(Fixtures.openState(), .nextMention, .nextMention)
        let profile = EntityProfile(entity: Fixtures.solberg, aliases: [], stories: [
            EntityStory(summary: Fixtures.arctic, sentence: "Ingrid Solberg chaired the meeting.", mentionStart: 0, mentionEnd: 14),
        ])
        state = Fixtures.apply(state, .open, .entityLoaded(key: "LOC:reykjavik", profile))
        #expect(state.screenLines.contains(" Person · 1 mention in 1 story"), "\(state.screenLines)")
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
            " Enter opens at the mention · / filter · q back · e index",
        ])
        // And the selected story's row is reversed, and the mention in the sentence is styled as a place
        let grid = Reader.view(state)
        #expect(grid[3, 5]?.style.reverse == true)
        #expect(grid[30, 6]?.style == Theme(mode: .monochrome).entity(.place))
    }

    @Test("j moves to the next story; Enter opens it at the mention, focused, and marks it read")
    func openStoryAtMention() {
        var state = Fixtures.apply(Fixtures.entityPageState(), .moveDown)
        #expect(state.entityPage?.cursor.selected == 1)
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
        #expect(effects == [.loadStory(id: 3), .setRead(true, ids: [3])])
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

    @Test("/ on the page opens a story filter that narrows the stories by headline as you type")
    func slashFilters() {
        // Given Reykjavik's page with two stories
        let state = Fixtures.entityPageState()
        // When pressing / and typing "grain"
        let (prompting, effects) = Reader.update(state, .search)
        #expect(effects.isEmpty)
        #expect(prompting.prompt == Prompt(.entityStories))
        let typed = Fixtures.apply(prompting, .typed("G"), .typed("r"), .typed("a"), .typed("i"), .typed("n"))
        // Then only the grain story is shown and selected, the counts say one of two, the prompt shows the text
        #expect(typed.entityPage?.filter == "Grain")
        #expect(typed.entityPage?.stories.map(\.summary.id) == [2])
        #expect(typed.entityPage?.cursor.selected == 0)
        #expect(typed.screenLines == [
            " Brief › Place: Reykjavik · “Grain”          1 of 2 stories",
            " Reykjavik",
            " Place · 5 mentions in 2 stories",
            " Also: Reykjavík",
            "",
            "   2026-11-27  Grain corridor talks resume",
            "     Talks moved from Reykjavik to Ankara.",
            "",
            "", "", "",
            " Filter stories: Grain",
        ])
        #expect(Reader.view(typed)[3, 5]?.style.reverse == true)
    }

    @Test("Enter keeps the filter and closes the prompt; Enter again opens the selected story at the mention")
    func filterThenOpen() {
        // Given the page filtered to "corridor"
        var state = Fixtures.apply(Fixtures.entityPageState(), .search)
        for character in "corridor" { state = Fixtures.apply(state, .typed(character)) }
        // When pressing Enter
        state = Fixtures.apply(state, .submit)
        #expect(state.prompt == nil)
        #expect(state.entityPage?.filter == "corridor")
        #expect(state.status == "1 of 2 stories · Enter opens · Esc clears the filter")
        // And Enter again
        let (opened, effects) = Reader.update(state, .open)
        // Then the filtered story (grain, id 2) opens, not the first of the whole page
        #expect(opened.screen == .story && opened.page?.id == 2)
        #expect(opened.page?.focusEntity == "LOC:reykjavik")
        #expect(effects == [.loadStory(id: 2)])
        // And back returns to the page, still filtered
        let back = Fixtures.apply(opened, .back)
        #expect(back.screen == .entityPage && back.entityPage?.filter == "corridor")
        #expect(back.screenLines[0].hasSuffix("1 of 2 stories"))
    }

    @Test("The filter ignores case and accents; no match says how to clear it")
    func filterMatching() {
        let state = Fixtures.entityPageState()
        var accent = Fixtures.apply(state, .search)
        for character in "ARCTÍC" { accent = Fixtures.apply(accent, .typed(character)) }
        #expect(accent.entityPage?.stories.map(\.summary.id) == [3])
        var none = Fixtures.apply(state, .search)
        for character in "tariff" { none = Fixtures.apply(none, .typed(character)) }
        none = Fixtures.apply(none, .submit)
        #expect(none.entityPage?.stories.isEmpty == true)
        #expect(none.status == "No stories match “tariff” · Esc clears the filter")
        #expect(none.screenLines[5] == " No headline here holds “tariff”. Esc clears the filter.")
        // Enter with nothing shown does nothing
        let (after, effects) = Reader.update(none, .open)
        #expect(after.screen == .entityPage && effects.isEmpty)
    }

    @Test("Esc clears the filter keeping the selected story; a second Esc leaves the page")
    func escClearsThenLeaves() {
        // Given the page filtered to the grain story, the prompt closed
        var state = Fixtures.apply(Fixtures.entityPageState(), .search)
        for character in "grain" { state = Fixtures.apply(state, .typed(character)) }
        state = Fixtures.apply(state, .submit)
        // When pressing Esc
        let cleared = Fixtures.apply(state, .clear)
        // Then both stories show again, the grain story still selected
        #expect(cleared.screen == .entityPage)
        #expect(cleared.entityPage?.filter == "")
        #expect(cleared.entityPage?.stories.count == 2)
        #expect(cleared.entityPage?.cursor.selected == 1)
        #expect(cleared.screenLines[0].hasSuffix("2 stories") && !cleared.screenLines[0].contains("of 2"))
        // And Esc again goes back to the story the page was opened from
        #expect(Fixtures.apply(cleared, .clear).screen == .story)
    }

    @Test("Esc or deleting every letter in the prompt drops the filter")
    func promptCancelDropsFilter() {
        // Given "ai" typed (only "Grain" holds it)
        var state = Fixtures.apply(Fixtures.entityPageState(), .search, .typed("a"), .typed("i"))
        #expect(state.entityPage?.stories.count == 1)
        // Esc in the prompt closes it and drops the filter
        let cancelled = Fixtures.apply(state, .cancelPrompt)
        #expect(cancelled.prompt == nil && cancelled.entityPage?.filter == "")
        #expect(cancelled.entityPage?.stories.count == 2)
        // Deleting letters widens the filter as you go, and deleting past the start closes the prompt
        state = Fixtures.apply(state, .deleteBackward)
        #expect(state.prompt != nil && state.entityPage?.stories.count == 2)
        state = Fixtures.apply(state, .deleteBackward, .deleteBackward)
        #expect(state.prompt == nil && state.entityPage?.filter == "")
    }

    @Test("A filtered page, prompt open, survives any size down to 1×1 and back with its filter and selection")
    func filteredPageResizes() {
        // Given the page filtered to "a" (both stories), the grain story selected, the prompt open
        let state = Fixtures.apply(Fixtures.entityPageState(), .moveDown, .search, .typed("a"))
        #expect(state.entityPage?.cursor.selected == 1)
        for width in [0, 1, 5, 20, 33, 80] {
            for height in [0, 1, 2, 6, 24] {
                // When resized and typed into at that size
                let resized = Fixtures.apply(state, .resize(width: width, height: height), .typed("i"), .deleteBackward)
                let grid = Reader.view(resized)
                #expect(grid.width == width && grid.height == height)
                #expect(grid.lines.allSatisfy { DisplayWidth.of($0) <= width })
                // Then back at the first size, nothing has moved
                let back = Fixtures.apply(resized, .resize(width: 60, height: 12))
                #expect(back.entityPage?.filter == "a" && back.entityPage?.cursor.selected == 1)
                #expect(back.screenLines == state.screenLines, "after \(width)×\(height)")
            }
        }
    }
}
