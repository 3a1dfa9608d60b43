import BriefLibrary
import BriefModel
import BriefStore
import BriefTagger
import Foundation
import Testing
@testable import BriefTUI

@Suite("The reader's in-memory entity list")
struct EntityCacheTests {
    @Test("Filtering the cached list gives what the store's own filter gives, until the library changes")
    func matchesStore() throws {
        // Given a store holding the arctic story
        let store = try Store.inMemory()
        let story = Fixtures.arcticStory.story
        _ = try store.importStories([ImportItem(story: story, originalText: "arctic", source: "a.txt",
                                                published: nil, format: .article)])
        let effects = StoreEffects(store: store)
        // When asking for places with "k" in the name, and all organisations
        for (type, filter) in [(EntityType?.some(.place), "k"), (.organisation, ""), (nil, "COUNCIL"), (nil, "zz")] {
            let result = effects.perform(.loadEntities(type: type, filter: filter))
            #expect(result == [.entitiesLoaded(type: type, filter: filter, EntityIndex.filter(try store.entities(), type: type, name: filter))])
        }
        // And a second story arriving shows only after the library changed
        var other = story
        other.entities = [Entity(key: "LOC:oslo", name: "Oslo", type: .place, mentions: 1)]
        other.sections = [Section(kind: .lede, paragraphs: [Paragraph(text: "Oslo waits.", mentions: [
            Mention(start: 0, end: 4, type: .place, text: "Oslo", entity: "LOC:oslo")])])]
        _ = try store.importStories([ImportItem(story: other, originalText: "oslo", source: "b.txt", published: nil,
                                                format: .article)])
        #expect(effects.perform(.loadEntities(type: nil, filter: "Oslo")) == [.entitiesLoaded(type: nil, filter: "Oslo", [])])
        _ = effects.perform(.libraryChanged)
        let after = effects.perform(.loadEntities(type: nil, filter: "Oslo"))
        #expect(after == [.entitiesLoaded(type: nil, filter: "Oslo", EntityIndex.filter(try store.entities(), type: nil, name: "Oslo"))])
        // And an entity page comes from the cached row
        guard case let .entityLoaded(key, profile)? = effects.perform(.loadEntity(key: "LOC:oslo")).first else {
            Issue.record("no entity page")
            return
        }
        #expect(key == "LOC:oslo" && profile?.stories.first?.sentence == "Oslo waits.")
    }
}
