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

    @Test("refresh_on_start refreshes once at start; refresh_minutes again whenever its period has passed")
    func refreshOnItsOwn() throws {
        // Given a loop with refresh_on_start and refresh_minutes = 5, on a clock the test moves
        let store = try ReaderLoopTests.store()
        let terminal = PollingTerminal(events: [.tick, .tick, .tick, .tick, .tick, .tick])
        var loop = ReaderLoop(terminal: terminal, perform: StoreEffects(store: store).perform)
        loop.config.refreshOnStart = true
        loop.config.refreshMinutes = 5
        let start = ContinuousClock.now
        var elapsed = Duration.zero
        loop.now = { start + elapsed }
        var started: [Duration] = []
        loop.background = { effect, inbox in
            guard effect == .refreshFeeds else { return false }
            started.append(elapsed)
            inbox.post(.refreshFinished("Refreshed: fetched 1 feed"))
            return true
        }
        var ticks = 0
        terminal.onTick = {
            // Two minutes pass between ticks
            ticks += 1
            elapsed = .seconds(120 * ticks)
        }
        loop.run()
        // Then it refreshed at start, and after each five minutes that passed (the ticks at 6 and 12 minutes)
        #expect(started == [.zero, .seconds(360), .seconds(720)])
    }

    @Test("A read-only cache is never refreshed on its own")
    func readOnlyNeverRefreshes() throws {
        let store = try ReaderLoopTests.store()
        let terminal = PollingTerminal(events: [.tick, .tick])
        var loop = ReaderLoop(terminal: terminal, perform: StoreEffects(store: store).perform)
        loop.config.refreshOnStart = true
        loop.config.refreshMinutes = 1
        loop.readOnly = true
        let start = ContinuousClock.now
        var elapsed = Duration.zero
        loop.now = { start + elapsed }
        terminal.onTick = { elapsed += .seconds(600) }
        var started = 0
        loop.background = { effect, _ in
            guard effect == .refreshFeeds else { return false }
            started += 1
            return true
        }
        loop.run()
        #expect(started == 0)
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
