@testable import BriefStore
import BriefModel
import Foundation
import Testing

@Suite("Search in a library with more matches than it ranks")
struct StoreSearchRankTests {
    @Test("The latest imported matches are ranked, a headline match among them first; older ones are not read")
    func ranksLatestMatches() throws {
        // Given 1,100 stories saying "quotas", the first and the last imported with it in the headline too
        let store = try Store.inMemory()
        let count = Store.searchRankLimit + 100
        let items = (0..<count).map { n in
            let title = n == 0 || n == count - 1 ? "Quotas agreed in session \(n)" : "Session \(n) ends"
            let text = "The delegates of session \(n) argued about quotas."
            return ImportItem(story: Story(title: title, sections: [Section(kind: .lede, paragraphs: [Paragraph(text: text)])]),
                              originalText: title + "\n\n" + text, source: "Wire", published: nil, format: .article)
        }
        let outcomes = try store.importStories(items)
        let ids = outcomes.compactMap { outcome -> Int64? in if case let .new(id) = outcome { id } else { nil } }
        #expect(ids.count == count)
        // When searching for it
        let found = try store.search("quotas")
        // Then the best of the latest 1,000 come back, the latest headline match first, and none of the older ones
        #expect(found.count == Store.searchLimit)
        #expect(found.first?.id == ids[count - 1])
        let latest = Set(ids.suffix(Store.searchRankLimit))
        #expect(found.allSatisfy { latest.contains($0.id) })
        // And unread only ranks the latest unread matches alike
        try store.setRead(true, ids: [ids[count - 1]])
        let unread = try store.search("quotas", unreadOnly: true)
        #expect(unread.count == Store.searchLimit && !unread.contains { $0.id == ids[count - 1] })
        #expect(unread.allSatisfy { latest.contains($0.id) || $0.id == ids[count - Store.searchRankLimit - 1] })
    }
}
