@testable import BriefStore
import BriefModel
import Foundation
import Testing

@Suite("The story list a window at a time")
struct StoreStoryWindowTests {
    /// 30 stories, one in three starred, every other one read, two of them sharing a date (ties go by id).
    static func store() throws -> Store {
        let store = try Store.inMemory()
        let items = (0..<30).map { n in
            let title = "Story \(n)"
            return ImportItem(story: Story(title: title, sections: [Section(kind: .lede, paragraphs: [Paragraph(text: "Text \(n).")])]),
                              originalText: title, source: "Wire",
                              published: Date(timeIntervalSince1970: 1_790_000_000 - Double(n == 7 ? 6 : n) * 600),
                              format: .article)
        }
        let ids = try store.importStories(items).compactMap { outcome -> Int64? in
            if case let .new(id) = outcome { id } else { nil }
        }
        try store.setStarred(true, ids: ids.enumerated().filter { $0.offset % 3 == 0 }.map(\.element))
        try store.setRead(true, ids: ids.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
        return store
    }

    @Test("Windows, positions and unread neighbours agree with the whole list, for every filter and from either end")
    func agreesWithWholeList() throws {
        let store = try Self.store()
        let ids = try store.summaries().map(\.id)
        for filter in [StoryFilter.all, StoryFilter(unreadOnly: true), StoryFilter(starredOnly: true),
                       StoryFilter(unreadOnly: true, starredOnly: true)] {
            let whole = try store.summaries(filter)
            #expect(!whole.isEmpty)
            for offset in 0...whole.count {
                let expected = Array(whole[offset..<min(whole.count, offset + 7)])
                #expect(try store.summaries(filter, offset: offset, limit: 7) == expected, "\(filter) at \(offset)")
                #expect(try store.summaries(filter, offset: offset, limit: 7, count: whole.count) == expected,
                        "\(filter) at \(offset), from the end")
            }
            for id in ids {
                #expect(try store.position(ofStory: id, in: filter) == whole.firstIndex { $0.id == id }, "\(filter) \(id)")
            }
            for position in whole.indices {
                let after = whole.indices.first { $0 > position && !whole[$0].isRead }
                let before = whole.indices.last { $0 < position && !whole[$0].isRead }
                #expect(try store.unreadPosition(in: filter, after: position, forward: true) == after)
                #expect(try store.unreadPosition(in: filter, after: position, forward: false) == before)
            }
        }
    }
}
