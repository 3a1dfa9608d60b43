import BriefLibrary
import BriefModel
import BriefStore
import BriefTagger
import Foundation
import Testing
@testable import BriefTUI

/// An entity in more stories than a window holds (`EntityStoryWindow.size`): its page loads a window of them, and
/// moving, filtering and opening must land on the story the whole page has there.
@Suite("An entity page read a window at a time")
struct EntityPageWindowTests {
    static let count = 500
    static let key = "PER:ingrid-solberg"

    /// `count` stories mentioning Ingrid Solberg, "Story 0000" the newest.
    static func store() throws -> Store {
        let store = try Store.inMemory()
        let items = (0..<count).map { n in
            let title = String(format: "Story %04d", n)
            let text = "In session \(n), Ingrid Solberg asked for a pause."
            let start = "In session \(n), ".unicodeScalars.count
            let mention = Mention(start: start, end: start + 14, type: .person, text: "Ingrid Solberg", entity: key)
            let story = Story(title: title, sections: [Section(kind: .lede, paragraphs: [Paragraph(text: text, mentions: [mention])])],
                              entities: [Entity(key: key, name: "Ingrid Solberg", type: .person, mentions: 1)])
            return ImportItem(story: story, originalText: title + "\n\n" + text, source: "Wire",
                              published: Date(timeIntervalSince1970: 1_790_000_000 - Double(n) * 600), format: .article)
        }
        _ = try store.importStories(items)
        return store
    }

    /// The reader on the page, opened from the entity index as the app loop runs it, with the effects it runs and
    /// the page's every story, in order, as the store lists them.
    static func opened() throws -> (StoreEffects, [MentioningStory], ReaderState) {
        let store = try store()
        let effects = StoreEffects(store: store)
        let state = ListWindowTests.run(ListWindowTests.started(effects, height: 24), [.entityIndex, .open], effects)
        return (effects, try store.stories(mentioning: key), state)
    }

    @Test("Enter loads a window of the page; paging to its end and G select the story the whole page has there")
    func pagesThroughWindows() throws {
        var (effects, all, state) = try Self.opened()
        let profile = try #require(state.entityPage?.profile)
        #expect(profile.stories.count == EntityStoryWindow.size && profile.storyCount == Self.count)
        #expect(state.screenLines.contains(" Person · 500 mentions in 500 stories"))
        #expect(state.screenLines[0].hasSuffix("500 stories"))
        // Paging down to the end: each page selects the page's story at that position
        var position = 0
        let step = max(1, state.bodyHeight / 3)
        while position < Self.count - 1 {
            state = ListWindowTests.run(state, [.pageDown], effects)
            position = min(Self.count - 1, position + step)
            let page = try #require(state.entityPage)
            #expect(page.stories[page.cursor.selected].summary == all[position].summary, "position \(position)")
            #expect(state.screenLines.contains { $0.contains(all[position].summary.title) }, "position \(position)")
        }
        state = ListWindowTests.run(state, [.top], effects)
        #expect(state.screenLines[1] == " Ingrid Solberg")
        state = ListWindowTests.run(state, [.bottom], effects)
        let last = try #require(state.entityPage)
        #expect(last.stories[last.cursor.selected].summary == all[Self.count - 1].summary)
        // Enter opens that story at the mention
        state = ListWindowTests.run(state, [.open], effects)
        #expect(state.page?.id == all[Self.count - 1].summary.id && state.page?.focus != nil)
    }

    @Test("The filter reads every story of the page; Esc keeps the selected story in a window around it")
    func filterLoadsWholePage() throws {
        var (effects, all, state) = try Self.opened()
        state = ListWindowTests.run(state, [.search] + "story 04".map { .typed($0) } + [.submit], effects)
        let filtered = try #require(state.entityPage)
        #expect(filtered.stories.map(\.summary.title) == (400..<500).map { String(format: "Story %04d", $0) })
        #expect(state.screenLines[0].hasSuffix("100 of 500 stories"))
        state = ListWindowTests.run(state, [.bottom, .clear], effects)
        let cleared = try #require(state.entityPage)
        #expect(cleared.filter.isEmpty && cleared.profile?.storyCount == Self.count)
        #expect((cleared.profile?.stories.count ?? 0) <= EntityStoryWindow.size)
        #expect(cleared.stories[cleared.cursor.selected].summary == all[499].summary)
        state = ListWindowTests.run(state, [.moveUp], effects)
        let up = try #require(state.entityPage)
        #expect(up.stories[up.cursor.selected].summary == all[498].summary)
    }
}
