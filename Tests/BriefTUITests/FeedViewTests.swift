import BriefLibrary
import BriefStore
import Testing
@testable import BriefTUI

@Suite("F shows folders and feeds; Enter lists one's stories; q comes back; A marks only that feed read")
struct FeedViewTests {
    static let harbour = FeedEntry(url: "https://harbour.example/rss", title: "Harbour Wire", unread: 2, total: 5)
    static let ministry = FeedEntry(url: "https://ministry.example/atom", title: "Ministry Notes", unread: 0, total: 3,
                                    lastError: "timed out after 20 s")
    static let loose = FeedEntry(url: "https://loose.example/feed", title: "Loose Desk", unread: 1, total: 1)
    static let overview = FeedOverview(folders: [FeedFolder(name: "Mediterranean", feeds: [harbour, ministry])],
                                       unfiled: [loose])

    static func feedView() -> ReaderState {
        Fixtures.apply(Fixtures.loadedState(width: 70, height: 8), .feeds, .feedsLoaded(overview))
    }

    @Test("The view lists each folder with its feeds indented, counts at the right and a feed's last error")
    func drawn() {
        let (opened, effects) = Reader.update(Fixtures.loadedState(width: 70, height: 8), .feeds)
        #expect(effects == [.loadFeeds])
        #expect(opened.screenLines[1] == " Loading…")
        #expect(Self.feedView().screenLines == [
            " Brief › Feeds                                    3 feeds in 1 folder",
            " ▸ Mediterranean                                        2 unread of 8",
            "   ● Harbour Wire                                       2 unread of 5",
            "     Ministry Notes  ! timed out after 20 s             0 unread of 3",
            " ● Loose Desk                                           1 unread of 1",
            "",
            "",
            " Enter shows its stories · q back · R refresh · ? keys",
        ])
    }

    @Test("Enter on a folder lists its stories, titled with it; q goes back to the feed view where it was")
    func folderAndBack() {
        // Given the feed view, the folder selected
        let (list, effects) = Reader.update(Self.feedView(), .open)
        // Then the list loads the folder's stories and says where it is
        #expect(effects == [.loadList(unreadOnly: false, scope: .folder("Mediterranean"))])
        #expect(list.screen == .list)
        let loaded = Fixtures.apply(list, .listLoaded([Fixtures.arctic], total: 1, unread: 1))
        #expect(loaded.screenLines[0] == " Brief › Mediterranean · 1 unread of 1")
        // When q, Then the feed view comes back (its counts read again) and the list shows every story again
        let (back, backEffects) = Reader.update(loaded, .back)
        #expect(back.screen == .feeds)
        #expect(backEffects == [.loadList(unreadOnly: false, scope: .all), .loadFeeds])
        #expect(!back.isFinished)
        // And q there goes to the full list, and q again quits
        let full = Fixtures.apply(back, .back)
        #expect(full.screen == .list && full.scope == .all && !full.isFinished)
    }

    @Test("Enter on a feed lists only its stories; A there marks only that feed read, and u takes it back")
    func feedMarkAllRead() {
        let state = Fixtures.apply(Self.feedView(), .moveDown)
        let (list, effects) = Reader.update(state, .open)
        let scope = ListScope.feed(url: "https://harbour.example/rss", title: "Harbour Wire")
        #expect(effects == [.loadList(unreadOnly: false, scope: scope)])
        let loaded = Fixtures.apply(list, .listLoaded([Fixtures.arctic, Fixtures.grain], total: 2, unread: 1))
        #expect(loaded.screenLines[0] == " Brief › Harbour Wire · 1 unread of 2")
        #expect(Reader.update(loaded, .markAllRead).1 == [.markScopeRead(scope)])
        let (marked, markedEffects) = Reader.update(loaded, .markedAllRead([3]))
        #expect(markedEffects == [.loadList(unreadOnly: false, scope: scope)])
        #expect(Reader.update(marked, .undo).1.first == .setRead(false, ids: [3]))
        // F from the list goes back to the feed view with the feed still selected
        let again = Fixtures.apply(loaded, .feeds)
        #expect(again.screen == .feeds && again.stack.top == .feeds(state.lastFeeds ?? again.lastFeeds!))
    }

    @Test("An empty feed view says how to subscribe; S's starred list goes back to all stories on q")
    func emptyAndStarred() {
        let empty = Fixtures.apply(Fixtures.loadedState(width: 90, height: 6), .feeds, .feedsLoaded(FeedOverview()))
        #expect(empty.screenLines[1] == " No feeds yet. Subscribe with `brief feed add URL` or `brief opml import FILE`.")
        let starred = Fixtures.apply(Fixtures.loadedState(), .toggleStarredOnly)
        let (back, effects) = Reader.update(starred, .back)
        #expect(effects == [.loadList(unreadOnly: false, scope: .all)])
        #expect(back.screen == .list && !back.isFinished)
    }
}
