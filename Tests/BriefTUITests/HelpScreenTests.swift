import Foundation
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

    @Test("Each line ends with the operation's config name, and the keys are grouped where they work")
    func namesAndGroups() throws {
        let lines = Fixtures.apply(Fixtures.loadedState(width: 100, height: 60), .help).screenLines
        for binding in Keymap.standard.bindings {
            let line = try #require(lines.first { $0.contains(binding.summary) })
            #expect(line.hasSuffix("  " + binding.name), "\(line)")
            // The names form one column
            #expect(line.count - binding.name.count == 1 + 2 + 17 + 42, "\(line)")
        }
        func group(of summary: String) -> String? {
            guard let line = lines.firstIndex(where: { $0.contains(summary) }) else { return nil }
            return lines[..<line].last { !$0.isEmpty && !$0.hasPrefix("  ") }
        }
        #expect(group(of: "Toggle read / unread") == " Story list and story")
        #expect(group(of: "Undo the last mark") == " Story list and story")
        #expect(group(of: "All entities, most mentioned first") == " Story list and story")
        #expect(group(of: "Mark all stories read") == " Story list")
        #expect(group(of: "Focus the next name") == " Story")
        #expect(group(of: "Entity index: cycle the type filter") == " Entity page and index")
    }

    @Test("e from the help screen closes it and opens the entity index")
    func entityIndexFromHelp() {
        let (state, effects) = Reader.update(Fixtures.apply(Fixtures.loadedState(), .help), .entityIndex)
        #expect(state.screens == [.list, .entityIndex])
        #expect(effects == [.loadEntities(type: nil, filter: "")])
    }

    @Test("The README's keys table names the first key of every default binding")
    func readmeListsKeys() throws {
        // Tests/BriefTUITests/HelpScreenTests.swift → the package root
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Keys").dropFirst().first?
            .components(separatedBy: "\n## ").first)
        // The first cell of each row, split into key names ("j / k, ↓ / ↑", "Enter (or l)"), and whole ("/")
        let cells = section.split(separator: "\n").filter { $0.hasPrefix("| ") }
            .map { ($0.split(separator: "|").first ?? "").trimmingCharacters(in: .whitespaces) }
        let keys = Set(cells + cells.flatMap { $0.split { " /,()".contains($0) }.map(String.init) })
        for binding in Keymap.standard.bindings {
            let label = try #require(binding.keys.first).label
            #expect(keys.contains(label), "README keys table lacks \(label) (\(binding.name))")
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
        #expect(map.operation(for: .character("e")) == .entityIndex)
        #expect(map.operation(for: .character("t")) == .cycleType)
        #expect(map.operation(for: .character("/")) == .search)
        #expect(map.operation(for: .escape) == .clear)
        #expect(map.operation(for: .character("R")) == .refresh)
        #expect(map.operation(for: .character("h")) == .back)
        #expect(map.operation(for: .backspace) == .back)
        #expect(map.operation(for: .pageUp) == .pageUp)
        #expect(map.operation(for: .up) == .moveUp)
        #expect(map.operation(for: .character("z")) == nil)
    }
}
