import BriefStore
import Testing
@testable import BriefTUI

/// The reader on a read-only cache: it says so, and refuses marks, stars and refreshes in the status bar.
@Suite("The reader on a read-only cache")
struct ReadOnlyReaderTests {
    private func readOnly(_ state: ReaderState) -> ReaderState {
        var state = state
        state.readOnly = true
        return state
    }

    @Test("The list title says read-only; r, s, A and R change nothing and say why in one line")
    func marksRefused() {
        let state = readOnly(Fixtures.loadedState())
        #expect(state.screenLines[0].contains("· read-only"))
        for operation in [ReaderOperation.toggleRead, .toggleStar, .markAllRead] {
            let (next, effects) = Reader.update(state, operation)
            #expect(effects.isEmpty, "\(operation)")
            #expect(next.status == "The cache is read-only: marks and stars are not saved", "\(operation)")
            #expect(next.stories == state.stories && next.undoStack.isEmpty, "\(operation)")
        }
        let (refreshed, effects) = Reader.update(state, .refresh)
        #expect(effects.isEmpty && !refreshed.isRefreshing)
        #expect(refreshed.status == "The cache is read-only: feeds cannot be refreshed")
    }

    @Test("Opening an unread story on a read-only cache does not mark it read")
    func openingDoesNotMark() {
        var state = readOnly(Fixtures.loadedState())
        state.openMarksRead = true
        let (_, effects) = Reader.update(state, .open)
        #expect(!effects.contains { if case .setRead = $0 { true } else { false } })
    }
}
