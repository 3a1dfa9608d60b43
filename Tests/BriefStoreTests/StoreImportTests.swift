import BriefModel
import BriefStore
import BriefTagger
import Foundation
import Testing

@Suite("Importing stories into the cache")
struct StoreImportTests {
    @Test("An imported story comes back whole: dateline, sections, paragraphs, mentions, quotes and entities")
    func importedStoryRoundTrips() throws {
        // Given an empty store and an annotated story
        let store = try Store.inMemory()
        let story = StoryFixtures.summitStory()
        let published = StoryFixtures.date("2026-11-02T08:30:00Z")

        // When it is imported
        let outcomes = try store.importStories([StoryFixtures.item(story, published: published, source: "in/a.txt")])

        // Then it is new and reads back exactly as it went in
        let outcome = try #require(outcomes.first)
        #expect(outcomes.count == 1 && outcome.isNew)
        let stored = try #require(try store.story(id: outcome.id))
        #expect(stored.story == story)
        #expect(stored.summary.title == story.title)
        #expect(stored.summary.source == "in/a.txt")
        #expect(stored.summary.published == published)
        #expect(stored.summary.readAt == nil)
    }

    @Test("Importing the same content twice gives one story and keeps its read state")
    func reimportIsIdempotent() throws {
        // Given a story that was imported and then read
        let store = try Store.inMemory()
        let item = StoryFixtures.item(StoryFixtures.summitStory())
        let first = try store.importStories([item])
        try store.setRead(true, ids: [first[0].id])
        let readAt = try store.story(id: first[0].id)?.summary.readAt

        // When the same text is imported again (even in a batch with itself)
        let second = try store.importStories([item, item])

        // Then it is reported as already present under the same id, still read at the same time
        #expect(second == [.existing(first[0].id), .existing(first[0].id)])
        #expect(try store.count() == 1)
        #expect(readAt != nil)
        #expect(try store.story(id: first[0].id)?.summary.readAt == readAt)
    }

    @Test("The original text is kept verbatim")
    func originalTextIsKept() throws {
        // Given a source text with odd spacing and control characters
        let store = try Store.inMemory()
        let text = "Headline\r\n\r\n\u{1B}[31mRed\u{202E} text  \n"
        let id = try store.importStories([StoryFixtures.item(StoryFixtures.plainStory(title: "Headline", text: "Red"),
                                                             text: text)])[0].id
        // When it is read back, Then it is byte for byte the same
        #expect(try store.originalText(id: id) == text)
        #expect(try store.originalText(id: 999) == nil)
    }

    @Test("A story without a dateline reads back without one")
    func missingDatelineStaysMissing() throws {
        let store = try Store.inMemory()
        let id = try store.importStories([StoryFixtures.item(StoryFixtures.plainStory(title: "T", text: "Body"))])[0].id
        #expect(try store.story(id: id)?.story.dateline == nil)
    }

    @Test("Given a dateline with a date, when the story is stored and read back, then the date as written comes back")
    func datelineDateRoundTrips() throws {
        // Given a wire story dated in its dateline
        let store = try Store.inMemory()
        var story = StoryFixtures.plainStory(title: "Talks resume", text: "Envoys returned to the table.")
        story.dateline = Dateline(places: ["GENEVA"], agency: "Reuters", date: "Nov 3")
        // When it is stored and read back
        let id = try store.importStories([StoryFixtures.item(story)])[0].id
        // Then its dateline is whole, date included
        #expect(try store.story(id: id)?.story.dateline == Dateline(places: ["GENEVA"], agency: "Reuters", date: "Nov 3"))
    }

    @Test("A mention whose entity the linker did not list is still stored with an entity of its own")
    func unlistedMentionEntityIsStored() throws {
        // Given a story whose mention refers to an entity missing from story.entities
        let store = try Store.inMemory()
        var story = StoryFixtures.plainStory(title: "T", text: "Kyiv replied.")
        story.sections[0].paragraphs[0].mentions = [Mention(start: 0, end: 4, type: .place, text: "Kyiv", entity: "LOC:kyiv")]

        // When it is imported
        let id = try store.importStories([StoryFixtures.item(story)])[0].id

        // Then the mention is kept and the entity is listed under the mention's text
        #expect(try store.story(id: id)?.story.sections[0].paragraphs[0].mentions.first?.entity == "LOC:kyiv")
        #expect(try store.entities().map(\.name) == ["Kyiv"])
    }

    @Test("A story that unknown id asks for is nil")
    func unknownStoryIsNil() throws {
        #expect(try Store.inMemory().story(id: 42) == nil)
    }
}
