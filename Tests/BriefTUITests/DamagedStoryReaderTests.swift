import BriefLibrary
import BriefModel
@testable import BriefStore
import Foundation
import GRDB
import Testing
@testable import BriefTUI

/// Opening a story whose text in the cache no longer reads back.
@Suite("The reader and a damaged story")
struct DamagedStoryReaderTests {
    @Test("Enter on a story with a damaged text stays on the list and says why; the next story opens as before")
    func opensDamagedStory() throws {
        let store = try ListWindowTests.store(count: 3)
        let all = try store.summaries()
        try store.writer.write { db in
            try db.execute(sql: "UPDATE stories SET body = x'789c0102' WHERE id = ?", arguments: [all[0].id])
        }
        let effects = StoreEffects(store: store)
        var state = ListWindowTests.run(ListWindowTests.started(effects), [.open], effects)
        // Back on the list (not an empty story page), with the reason in the status bar
        #expect(state.screens == [.list])
        let said = "Story \(all[0].id) cannot be shown: its text in the cache is damaged"
        #expect(state.status == said)
        #expect(state.screenLines.contains { $0.contains(said) }, "\(state.screenLines)")
        // The next story opens and shows its text
        state = ListWindowTests.run(state, [.moveDown, .open], effects)
        #expect(state.screen == .story)
        #expect(state.screenLines.contains { $0.contains("Delegates met for session 1") })
    }
}
