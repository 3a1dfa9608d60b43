import BriefLibrary
import BriefModel
import BriefStore
import Foundation
import Testing

@Suite("Feed items made ready to store")
struct FeedItemPreparationTests {
    @Test("Given items with a guid, a link only, or neither, when prepared, then only a real guid is kept as one")
    func onlyRealGuidsAreGuids() {
        // Given an item with its own id, one whose id is its link, and one known only by its fingerprint
        let items = [
            FeedItem(id: "desk-7", link: "https://desk.example/7", title: "Port reopens", content: .text("Ships came in.")),
            FeedItem(id: "https://desk.example/8", link: "https://desk.example/8", title: "Dam talks",
                     content: .text("Talks went on.")),
            FeedItem(id: "fingerprint:abc", title: "Grain deal", content: .text("A deal was signed.")),
        ]
        // When they are prepared
        let prepared = FeedImportItem.prepare(items, source: "Quay Desk", annotate: { $0 })
        // Then the item ids stay, guids are kept only where the feed gave one, and every story is sourced to the feed
        #expect(prepared.map(\.itemID) == items.map(\.id))
        #expect(prepared.map(\.guid) == ["desk-7", nil, nil])
        #expect(prepared.map(\.link) == items.map(\.link))
        #expect(prepared.map(\.fingerprint) == items.map(\.fingerprint.value))
        #expect(prepared.allSatisfy { $0.story.source == "Quay Desk" })
    }

    @Test("Given items, when prepared on all cores, then each is sectioned and annotated and the feed's order kept")
    func preparedInOrderThroughTheAnnotator() {
        // Given twenty items and an annotator that marks each story
        let items = (0..<20).map { FeedItem(id: "item-\($0)", title: "Story \($0)", content: .text("Body of story \($0).")) }
        let prepared = FeedImportItem.prepare(items, source: "Desk", annotate: { story in
            var story = story
            story.title += " (tagged)"
            return story
        })
        // Then the order is the feed's and every story went through the annotator with its text sectioned
        #expect(prepared.map(\.story.story.title) == (0..<20).map { "Story \($0) (tagged)" })
        #expect(prepared.map { $0.story.story.sections.flatMap(\.paragraphs).map(\.text) }
                == (0..<20).map { ["Body of story \($0)."] })
    }
}
