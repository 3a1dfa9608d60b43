import BriefModel
import BriefStore
import Foundation
import Testing
@testable import BriefTUI

@Suite("Staying fresh: ticks look for other processes' changes; the list is read again keeping the cursor")
struct FreshnessTests {
    @Test("A tick asks for a check; a change from outside reloads what is shown, the selection kept by id")
    func tickAndReload() {
        let state = Fixtures.apply(Fixtures.loadedState(), .moveDown)
        #expect(Reader.update(state, .tick).1 == [.checkForChanges])
        #expect(Reader.update(state, .tick).0 == state)
        let (changed, effects) = Reader.update(state, .changedOutside)
        #expect(effects == [.libraryChanged, .loadList(unreadOnly: false, scope: .all)])
        // The list comes back with the grain story now unread and a new story on top: grain stays selected
        var grain = Fixtures.grain
        grain.readAt = nil
        let fresh = StorySummary(id: 9, title: "New quota", source: "Wire", published: Fixtures.day(30),
                                 importedAt: Fixtures.day(30), readAt: nil)
        let reloaded = Fixtures.apply(changed, .listLoaded([fresh, Fixtures.arctic, grain, Fixtures.briefing],
                                                           total: 4, unread: 4))
        #expect(reloaded.selectedID == 2)
        #expect(reloaded.screenLines[0] == " Brief · 4 unread of 4")
        // The feed view is read again too; during a refresh of our own, nothing (it reloads when done)
        let feeds = Fixtures.apply(Fixtures.loadedState(), .feeds)
        #expect(Reader.update(feeds, .changedOutside).1.last == .loadFeeds)
        var refreshing = state
        refreshing.isRefreshing = true
        #expect(Reader.update(refreshing, .changedOutside).1.isEmpty)
    }

    @Test("The store effect reports another process's mark once, and never the reader's own")
    func storeEffects() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("brief-fresh-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cache.sqlite").path
        let store = try Store(path: path)
        let id = try store.importStories([ImportItem(
            story: Story(title: "Quota", sections: [Section(kind: .lede, paragraphs: [Paragraph(text: "Quota set.")])]),
            originalText: "Quota", source: "Wire", published: nil, format: .article)])[0].id
        let effects = StoreEffects(store: store)
        #expect(effects.perform(.checkForChanges).isEmpty)
        // The reader's own mark is no news
        _ = effects.perform(.setRead(true, ids: [id]))
        #expect(effects.perform(.checkForChanges).isEmpty)
        // Another process's is, once
        try Store(path: path).setRead(false, ids: [id])
        #expect(effects.perform(.checkForChanges) == [.changedOutside])
        #expect(effects.perform(.checkForChanges).isEmpty)
    }

    @Test("config.toml: refresh_minutes, refresh_on_start, keep_days and confirm_quit; bad values named and skipped")
    func config() {
        let (config, problems) = ConfigLoader.parse("""
            refresh_minutes = 30
            refresh_on_start = true
            keep_days = 90
            confirm_quit = true
            """)
        #expect(problems.isEmpty)
        #expect(config.refreshMinutes == 30 && config.refreshOnStart && config.keepDays == 90 && config.confirmQuit)
        let (bad, badProblems) = ConfigLoader.parse("refresh_minutes = \"often\"\nkeep_days = -3\n")
        #expect(bad.refreshMinutes == nil && bad.keepDays == nil)
        #expect(badProblems == ["line 1: refresh_minutes must be a whole number of minutes (0: off)",
                                "line 2: keep_days must be a whole number of days (0: off)"])
        #expect(ConfigLoader.parse("refresh_minutes = 0").0.refreshMinutes == nil)
    }

    @Test("confirm_quit: q on the top list asks, q again quits, another key stays; off, q quits at once")
    func confirmQuit() {
        var state = Fixtures.loadedState()
        #expect(Reader.update(state, .back).0.isFinished)
        state.confirmQuit = true
        let asked = Reader.update(state, .back).0
        #expect(!asked.isFinished && asked.status == "Quit Brief? q again quits; any other key stays")
        #expect(Reader.update(asked, .back).0.isFinished)
        let stayed = Fixtures.apply(asked, .moveDown, .back)
        #expect(!stayed.isFinished && stayed.quitAsked)
        // In a story, q only goes back
        #expect(!Fixtures.apply(Fixtures.openState(), .back).isFinished)
    }

    @Test("The search footer clears when results arrive; / during a search starts a new, empty query")
    func searchFooterAndNewQuery() {
        let searching = Fixtures.apply(Fixtures.loadedState(), .search, .typed("t"), .typed("a"), .typed("l"),
                                       .typed("k"), .submit)
        #expect(searching.status == "Searching for “talk”…")
        let found = Fixtures.apply(searching, .searchLoaded(query: "talk", [Fixtures.grain], total: 3, unread: 2))
        #expect(found.status == nil)
        #expect(found.screenLines.last?.contains("Searching") == false)
        #expect(Fixtures.apply(found, .search).prompt?.text == "")
    }
}
