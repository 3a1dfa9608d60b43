import BriefLibrary
import Testing
@testable import BriefTUI

@Suite("What R says when the feed refresh is done")
struct RefreshMessageTests {
    @Test("With no feeds subscribed, R says how to add one instead of counting zero feeds")
    func noFeeds() {
        let message = Reader.refreshFinishedMessage(FeedRefreshReport())
        #expect(message == "No feeds yet — add one with: brief feed add URL")
        // And the list shows it in the status bar
        let state = Fixtures.apply(Fixtures.loadedState(width: 60), .refresh, .refreshFinished(message))
        #expect(state.screenLines.last == " No feeds yet — add one with: brief feed add URL")
    }

    @Test("With feeds, R reports the refresh and the first failure")
    func withFeeds() {
        let report = FeedRefreshReport(feeds: 2, failed: ["https://example.invalid/feed.xml: http 404"], newStories: 3)
        #expect(Reader.refreshFinishedMessage(report)
            == "Refreshed: fetched 2 feeds: 3 new stories, 0 unchanged, 1 failed · https://example.invalid/feed.xml: http 404")
    }
}
