import Testing
@testable import BriefTUI

@Suite("update() in the story view")
struct StoryUpdateTests {
    @Test("Scrolling moves the top line and stops at the start and the end")
    func scrolling() throws {
        // Given a long story open in a 60×12 screen (10 text rows)
        let state = Fixtures.openState(Fixtures.longStory(paragraphs: 20))
        let lines = try #require(state.page?.layout?.lines.count)
        #expect(Fixtures.apply(state, .moveDown).page?.top == 1)
        #expect(Fixtures.apply(state, .moveUp).page?.top == 0)
        #expect(Fixtures.apply(state, .pageDown).page?.top == 9)
        #expect(Fixtures.apply(state, .pageDown, .pageUp).page?.top == 0)
        #expect(Fixtures.apply(state, .bottom).page?.top == lines - 10)
        #expect(Fixtures.apply(state, .bottom, .moveDown).page?.top == lines - 10)
        #expect(Fixtures.apply(state, .bottom, .top).page?.top == 0)
    }

    @Test("A story result for another story than the open one is ignored")
    func staleStoryIgnored() {
        let state = Fixtures.openState()
        let after = Fixtures.apply(state, .storyLoaded(id: 2, Fixtures.longStory(paragraphs: 3)))
        #expect(after.page?.stored?.story == Fixtures.arcticStory.story)
    }

    @Test("A story that vanished from the cache closes the view with a message")
    func missingStory() {
        var state = Fixtures.loadedState()
        state = Fixtures.apply(state, .open, .storyLoaded(id: 3, nil))
        #expect(state.screen == .list)
        #expect(state.status == "Story 3 is no longer in the cache")
    }

    @Test("toggleRead in the story marks the open story unread (it was read by opening)")
    func toggleReadInStory() {
        var state = Fixtures.openState()
        let read = Fixtures.arctic.with(readAt: Fixtures.day(29))
        state = Fixtures.apply(state, .listLoaded([read, Fixtures.grain, Fixtures.briefing], total: 3, unread: 1))
        let (after, effects) = Reader.update(state, .toggleRead)
        #expect(effects == [.setRead(false, ids: [3])])
        #expect(after.status == "Marked unread")
    }

    @Test("nextUnread in the story opens the next unread story")
    func nextUnreadOpensNext() {
        let (state, effects) = Reader.update(Fixtures.openState(), .nextUnread)
        #expect(state.page?.id == 1)
        #expect(state.selectedID == 1)
        #expect(effects == [.loadStory(id: 1), .setRead(true, ids: [1])])
    }

    @Test("nextUnread in an unread-only list opens the story that took the read one's place")
    func nextUnreadAfterStoryLeftList() {
        // Given unread-only mode and the first story open (so it was marked read and left the list)
        var state = Fixtures.apply(Fixtures.loadedState(), .toggleUnreadOnly)
        state = Fixtures.apply(state, .listLoaded([Fixtures.arctic, Fixtures.briefing], total: 3, unread: 2))
        state = Fixtures.apply(state, .open, .storyLoaded(id: 3, Fixtures.arcticStory))
        state = Fixtures.apply(state, .listLoaded([Fixtures.briefing], total: 3, unread: 1))
        // When asking for the next unread story
        let (next, effects) = Reader.update(state, .nextUnread)
        // Then the remaining unread story opens
        #expect(next.page?.id == 1)
        #expect(effects.first == .loadStory(id: 1))
    }

    @Test("nextSection and previousSection jump between section starts")
    func sections() throws {
        let state = Fixtures.openState(height: 30)
        let starts = try #require(state.page?.layout?.sectionStarts)
        // lede, Shipping lanes, MR PRICE, credits, Quotes
        #expect(starts.count == 5)
        let tall = Fixtures.openState(height: 6)
        let next = Fixtures.apply(tall, .nextSection, .nextSection)
        #expect(next.page?.top == tall.page?.layout?.sectionStarts[1])
        #expect(Fixtures.apply(next, .previousSection).page?.top == tall.page?.layout?.sectionStarts[0])
    }

    @Test("nextMention focuses names in reading order and says what each is")
    func mentionFocus() {
        let state = Fixtures.openState()
        let first = Fixtures.apply(state, .nextMention)
        #expect(first.page?.focus == 0)
        #expect(first.status == "Organisation: Arctic Council")
        let second = Fixtures.apply(first, .nextMention)
        #expect(second.status == "Place: Reykjavik")
        #expect(Fixtures.apply(second, .previousMention).page?.focus == 0)
    }

    @Test("Focusing a mention below the screen scrolls it into view")
    func focusScrolls() throws {
        // Given a 6-row screen (4 text rows) showing the headline
        let state = Fixtures.openState(height: 6)
        // When focusing the third mention (Iceland, in the second section)
        let focused = Fixtures.apply(state, .nextMention, .nextMention, .nextMention)
        let spot = try #require(focused.page?.layout?.mentions.first { $0.number == 2 })
        let top = try #require(focused.page?.top)
        #expect(spot.text == "Iceland")
        #expect(spot.line >= top && spot.line < top + 4)
    }

    @Test("nextSameEntity and previousSameEntity stay on the focused entity")
    func sameEntity() {
        // Given a story mentioning Norway twice with other names between
        let text = "Norway spoke first. Iceland replied. Norway spoke again."
        var stored = Fixtures.arcticStory
        stored.story.sections = [.init(kind: .lede, paragraphs: [.init(text: text, mentions: [
            Fixtures.mention("Norway", in: text, .place, "LOC:norway"),
            Fixtures.mention("Iceland", in: text, .place, "LOC:iceland"),
            .init(start: 37, end: 43, type: .place, text: "Norway", entity: "LOC:norway"),
        ])])]
        let state = Fixtures.apply(Fixtures.openState(stored), .nextMention)
        #expect(state.page?.focus == 0)
        // When jumping to the next mention of the same entity, Iceland is skipped
        let next = Fixtures.apply(state, .nextSameEntity)
        #expect(next.page?.focus == 2)
        #expect(Fixtures.apply(next, .previousSameEntity).page?.focus == 0)
        #expect(Fixtures.apply(next, .nextSameEntity).status == "No further mention")
    }

    @Test("entities opens the entity panel and E or back closes it")
    func entityPanel() {
        let state = Fixtures.apply(Fixtures.openState(), .entities)
        #expect(state.screen == .entities)
        #expect(Fixtures.apply(state, .entities).screen == .story)
        #expect(Fixtures.apply(state, .back).screen == .story)
    }
}
