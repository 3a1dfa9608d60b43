import Testing
@testable import BriefTUI

@Suite("The help screen is generated from the keymap")
struct HelpScreenTests {
    @Test("Every binding of the keymap appears with all its keys and its summary")
    func listsEveryBinding() {
        let state = Fixtures.apply(Fixtures.loadedState(width: 80, height: 60), .help)
        let screen = state.screenLines.joined(separator: "\n")
        for binding in Keymap.standard.bindings {
            #expect(screen.contains(binding.summary), "missing \(binding.summary)")
            let keys = binding.keys.map(\.label).joined(separator: " ")
            #expect(screen.contains("  " + keys), "missing keys \(keys)")
        }
    }

    @Test("A changed keymap changes the help screen")
    func followsKeymap() {
        var state = Fixtures.loadedState(width: 60, height: 12)
        state.keymap = Keymap(bindings: [KeyBinding([.character("x")], .quit, .everywhere, "Leave at once")])
        state = Fixtures.apply(state, .help)
        #expect(state.screenLines == [
            " Brief › Keys",
            " Everywhere",
            "   x  Leave at once",
            "", "", "", "", "", "", "", "",
            " q or ? closes · j/k scroll",
        ])
    }

    @Test("The keymap binds each key to one operation only")
    func noDuplicateKeys() {
        let keys = Keymap.standard.bindings.flatMap(\.keys)
        #expect(Set(keys).count == keys.count)
    }

    @Test("The documented keys map to their operations")
    func keysMapToOperations() {
        let map = Keymap.standard
        #expect(map.operation(for: .character("j")) == .moveDown)
        #expect(map.operation(for: .down) == .moveDown)
        #expect(map.operation(for: .character("k")) == .moveUp)
        #expect(map.operation(for: .character(" ")) == .pageDown)
        #expect(map.operation(for: .character("b")) == .pageUp)
        #expect(map.operation(for: .pageDown) == .pageDown)
        #expect(map.operation(for: .character("g")) == .top)
        #expect(map.operation(for: .character("G")) == .bottom)
        #expect(map.operation(for: .enter) == .open)
        #expect(map.operation(for: .character("l")) == .open)
        #expect(map.operation(for: .character("q")) == .back)
        #expect(map.operation(for: .character("Q")) == .quit)
        #expect(map.operation(for: .character("r")) == .toggleRead)
        #expect(map.operation(for: .character("?")) == .help)
        #expect(map.operation(for: .character("U")) == .toggleUnreadOnly)
        #expect(map.operation(for: .character("n")) == .nextUnread)
        #expect(map.operation(for: .character("N")) == .previousUnread)
        #expect(map.operation(for: .character("A")) == .markAllRead)
        #expect(map.operation(for: .character("u")) == .undo)
        #expect(map.operation(for: .tab) == .nextMention)
        #expect(map.operation(for: .backTab) == .previousMention)
        #expect(map.operation(for: .character("]")) == .nextSection)
        #expect(map.operation(for: .character("[")) == .previousSection)
        #expect(map.operation(for: .character("*")) == .nextSameEntity)
        #expect(map.operation(for: .character("#")) == .previousSameEntity)
        #expect(map.operation(for: .character("E")) == .entities)
        #expect(map.operation(for: .character("z")) == nil)
    }
}
