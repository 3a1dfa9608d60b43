import BriefModel
import BriefStore
import Foundation
import Testing
@testable import BriefTUI

/// A terminal that replays scripted events and keeps every frame it is given.
final class ScriptedTerminal: ReaderTerminal {
    var size: ScreenSize
    let colorMode: ColorMode = .monochrome
    var events: [TerminalEvent]
    var frames: [CellGrid] = []

    init(size: ScreenSize, events: [TerminalEvent]) {
        self.size = size
        self.events = events
    }

    func draw(_ grid: CellGrid) { frames.append(grid) }
    func invalidate() {}

    func nextEvent() -> TerminalEvent {
        guard !events.isEmpty else { return .endOfInput }
        let event = events.removeFirst()
        if case let .resize(newSize) = event { size = newSize }
        return event
    }
}

@Suite("The app loop runs effects against a real (in-memory) store")
struct ReaderLoopTests {
    static func store() throws -> Store {
        let store = try Store.inMemory()
        let items = [("Older story", Fixtures.day(20)), ("Newer story", Fixtures.day(21))].map { title, date in
            ImportItem(story: Story(title: title, sections: [Section(kind: .lede, paragraphs: [
                Paragraph(text: "\(title) text, written for this test."),
            ])]), originalText: title, source: "/tests/\(title).txt", published: date, format: .article)
        }
        _ = try store.importStories(items)
        return store
    }

    @Test("Opening a story, going back and quitting leaves it read in the store")
    func openMarksRead() throws {
        // Given a store with two unread stories
        let store = try Self.store()
        let terminal = ScriptedTerminal(size: ScreenSize(width: 60, height: 12),
                                        events: [.key(.enter), .key(.character("q")), .key(.character("q"))])
        // When the reader opens the first (newest) story, goes back and quits
        let final = ReaderLoop(terminal: terminal, perform: StoreEffects(store: store).perform).run()
        // Then the newest story is read in the store and the list showed one unread after going back
        #expect(final.isFinished)
        let read = try store.summaries().filter(\.isRead).map(\.title)
        #expect(read == ["Newer story"])
        #expect(terminal.frames.first?.lines.first == " Brief · 2 unread of 2")
        #expect(terminal.frames.dropFirst().first?.lines[1] == "  Newer story")
        #expect(terminal.frames.last?.lines.first == " Brief · 1 unread of 2")
    }

    @Test("Idle ticks draw nothing; the next key draws again")
    func idleTicksDoNotDraw() throws {
        // Given a reader that sees three idle ticks, a key, and another tick
        let store = try Self.store()
        let terminal = ScriptedTerminal(size: ScreenSize(width: 60, height: 12),
                                        events: [.tick, .tick, .tick, .key(.down), .tick])
        ReaderLoop(terminal: terminal, perform: StoreEffects(store: store).perform).run()
        // Then it drew the first frame and one for the key, nothing for the ticks
        #expect(terminal.frames.count == 2)
        #expect(terminal.frames.first != terminal.frames.last)
    }

    @Test("A resize reported on a tick (a SIGWINCH curses missed) redraws at the new size")
    func resizeAfterTicks() throws {
        let store = try Self.store()
        let terminal = ScriptedTerminal(size: ScreenSize(width: 60, height: 12),
                                        events: [.tick, .resize(ScreenSize(width: 20, height: 6)), .tick])
        ReaderLoop(terminal: terminal, perform: StoreEffects(store: store).perform).run()
        #expect(terminal.frames.count == 2)
        #expect(terminal.frames.last.map { [$0.width, $0.height] } == [20, 6])
    }

    @Test("Mark all read, then undo, restores exactly the unread stories")
    func markAllAndUndo() throws {
        let store = try Self.store()
        try store.setRead(true, ids: [try #require(store.summaries().last?.id)])
        let terminal = ScriptedTerminal(size: ScreenSize(width: 60, height: 12),
                                        events: [.key(.character("A")), .key(.character("u"))])
        ReaderLoop(terminal: terminal, perform: StoreEffects(store: store).perform).run()
        #expect(try store.count(unreadOnly: true) == 1)
        #expect(terminal.frames.dropFirst().first?.lines.last == " Marked 1 read · u undoes")
    }

    @Test("A failing store shows a one-line message and the reader keeps running")
    func failureShown() throws {
        let store = try Self.store()
        let terminal = ScriptedTerminal(size: ScreenSize(width: 70, height: 12),
                                        events: [.key(.enter), .key(.character("Q"))])
        ReaderLoop(terminal: terminal, perform: { effect in
            if case .loadStory = effect { return [.failed("Could not load story 2: database is locked")] }
            return StoreEffects(store: store).perform(effect)
        }).run()
        #expect(terminal.frames.last?.lines.last == " Could not load story 2: database is locked")
    }

    @Test("Ctrl-C and the end of input quit; a resize event re-lays out the screen")
    func interruptsAndResize() throws {
        let store = try Self.store()
        let terminal = ScriptedTerminal(size: ScreenSize(width: 60, height: 12),
                                        events: [.resize(ScreenSize(width: 20, height: 6)), .interrupt])
        let final = ReaderLoop(terminal: terminal, perform: StoreEffects(store: store).perform).run()
        #expect(final.isFinished)
        #expect(terminal.frames.last?.width == 20 && terminal.frames.last?.height == 6)
    }
}
