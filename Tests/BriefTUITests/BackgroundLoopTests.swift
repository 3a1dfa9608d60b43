import BriefStore
import Foundation
import Testing
@testable import BriefTUI

/// A scripted terminal that records whether the loop asked it to poll.
final class PollingTerminal: ReaderTerminal {
    let size = ScreenSize(width: 60, height: 12)
    let colorMode: ColorMode = .monochrome
    var events: [TerminalEvent]
    var frames: [CellGrid] = []
    var pollingChanges: [Bool] = []
    var onTick: (() -> Void)?

    init(events: [TerminalEvent]) { self.events = events }

    func draw(_ grid: CellGrid) { frames.append(grid) }
    func invalidate() {}
    func setPolling(_ on: Bool) { pollingChanges.append(on) }

    func nextEvent() -> TerminalEvent {
        guard !events.isEmpty else { return .endOfInput }
        let event = events.removeFirst()
        if event == .tick { onTick?() }
        return event
    }
}

@Suite("Background work comes back through the loop")
struct BackgroundLoopTests {
    @Test("R runs in the background; its progress and result arrive as operations while the loop polls")
    func refreshThroughInbox() throws {
        // Given a loop whose background refresher posts progress at the first tick and the result at the second
        let store = try ReaderLoopTests.store()
        let terminal = PollingTerminal(events: [.key(.character("R")), .tick, .tick, .key(.character("Q"))])
        var loop = ReaderLoop(terminal: terminal, perform: StoreEffects(store: store).perform)
        var started = 0
        var posted = 0
        loop.background = { effect, inbox in
            guard effect == .refreshFeeds else { return false }
            started += 1
            terminal.onTick = {
                posted += 1
                inbox.post(posted == 1 ? .refreshProgress("Refreshing feeds: 1 of 2 done…")
                                       : .refreshFinished("Refreshed: fetched 2 feeds"))
            }
            return true
        }
        let final = loop.run()
        // Then the refresh started once, the loop polled while it ran and stopped polling after
        #expect(started == 1)
        #expect(terminal.pollingChanges == [true, false])
        // And the progress line and then the result were drawn in the status bar
        let statuses = terminal.frames.compactMap { $0.lines.last }
        #expect(statuses.contains(" Refreshing feeds: 1 of 2 done…"))
        #expect(statuses.contains(" Refreshed: fetched 2 feeds"))
        #expect(!final.isRefreshing)
    }

    @Test("Without a refresher, R says how to refresh instead")
    func noRefresher() throws {
        let store = try ReaderLoopTests.store()
        let terminal = PollingTerminal(events: [.key(.character("R"))])
        ReaderLoop(terminal: terminal, perform: StoreEffects(store: store).perform).run()
        #expect(terminal.frames.last?.lines.last == " Refreshing feeds is not available here; run `brief fetch`")
    }

    @Test("Config problems show in the status bar at start")
    func configProblems() throws {
        let store = try ReaderLoopTests.store()
        let terminal = PollingTerminal(events: [])
        var loop = ReaderLoop(terminal: terminal, perform: StoreEffects(store: store).perform)
        loop.configProblems = ["config /x/config.toml: line 3: unknown key name \"ctrl-x\" for open", "another"]
        loop.run()
        #expect(terminal.frames.first?.lines.last?.hasPrefix(" config /x/config.toml: line 3: unknown key name") == true)
        // (The whole message, with "(and 1 more)", is the state's status.)
    }
}
