@testable import BriefLayout
import Testing
@testable import BriefTUI

/// Whole screens as literal lines, with the cells' styles or colours drawn as a second grid of letters (one
/// per cell), so a change anywhere on the screen shows in the diff.
@Suite("Whole-screen snapshots")
struct GridSnapshotTests {
    @Test("The story search prompt replaces the status bar: label, typed text and a reversed cursor after it")
    func promptLine() {
        let state = Fixtures.apply(Fixtures.openState(), .search, .typed("c"), .typed("o"), .typed("u"), .typed("n"))
        #expect(state.screenLines == Self.arcticTop + [" Search this story: coun"])
        let grid = Reader.view(state)
        // Reversed: the title bar, and on the prompt line only the cursor cell after the text.
        #expect(Self.mask(grid) { $0.style.reverse ? "r" : "." } == [
            "rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr",
            "", "", "", "", "", "", "", "", "", "",
            "........................r",
        ])
        // On the prompt line the label (with its spaces) is bold, the typed text plain.
        #expect(Self.mask(grid) { $0.style.bold ? "b" : "." }.last == "bbbbbbbbbbbbbbbbbbbb")
    }

    @Test("A story search highlights every match, the current one more strongly, and says which it is")
    func searchHighlighting() {
        var state = Fixtures.openState(height: 16)
        state = Fixtures.apply(state, .search, .typed("c"), .typed("o"), .typed("u"), .typed("n"), .typed("c"),
                               .typed("i"), .typed("l"), .submit)
        #expect(state.screenLines == Self.arcticTop + [
            "",
            "  Iceland proposed a joint patrol. Norway asked for more",
            "  time, and the Inuit Circumpolar Council said its members",
            "  had not been heard.",
            " Match 1 of 2 · n/N next/previous · Esc clears",
        ])
        // M: the current match (bold, underlined, reversed); m: another match (underlined, reversed).
        let matches = Self.mask(Reader.view(state)) { cell in
            let style = cell.style
            guard style.underline, style.reverse else { return "." }
            return style.bold ? "M" : "m"
        }
        #expect(matches == [
            "", "", "", "", "", "",
            "....................................MMMMMMM",
            "", "", "", "", "", "",
            "..................................mmmmmmm",
            "", "",
        ])
        // n makes the second match the current one.
        let next = Fixtures.apply(state, .nextUnread)
        #expect(next.screenLines.last == " Match 2 of 2 · n/N next/previous · Esc clears")
        #expect(Self.mask(Reader.view(next)) { $0.style.bold && $0.style.underline && $0.style.reverse ? "M" : "." }[13]
                == "..................................MMMMMMM")
    }

    @Test("In 256 colours each role and entity type has its colour, and search matches their background")
    func colourScreen() {
        var state = Fixtures.openState(mode: .palette256)
        state = Fixtures.apply(state, .search, .typed("c"), .typed("o"), .typed("u"), .typed("n"), .typed("c"),
                               .typed("i"), .typed("l"), .submit)
        let grid = Reader.view(state)
        #expect(state.screenLines[1...8] == Self.arcticTop[1...8])
        // d dateline, P person, O organisation, L place, G group, k the current match's black on green.
        let colours: [TerminalColor: Character] = [.palette(109): "d", .palette(214): "P", .palette(39): "O",
                                                   .palette(114): "L", .palette(176): "G", .basic(0): "k"]
        #expect(Self.mask(grid) { colours[$0.style.foreground] ?? "." } == [
            "",
            "",
            "..ddddddddddddddddddddddddddddddddddd",
            "",
            "..PPPPPP..OOOOOOOOOOOO..LLLLL..GGGGG",
            "",
            ".............................OOOOOOOkkkkkkk",
            "..LLLLLLLLL",
            "",
            "",
            "",
            "",
        ])
        let backgrounds: [TerminalColor: Character] = [.basic(2): "c", .basic(3): "m"]
        #expect(Self.mask(grid) { backgrounds[$0.style.background] ?? "." }[6] == "....................................ccccccc")
        // The bars keep the terminal's colours, reversed.
        #expect((0..<grid.width).allSatisfy { grid[$0, 0]?.style == state.theme.titleBar })
    }

    /// The arctic story's first 11 rows at 60 columns: title bar, headline, dateline, legend, lede, heading.
    static let arcticTop = [
        " Brief › arctic-talks                                   Top",
        "  Ministers meet in Reykjavik over Arctic shipping",
        "  REYKJAVIK · Brief Wire · 2026-11-28",
        "",
        "  Person  Organisation  Place  Group",
        "",
        "  Foreign ministers from the Arctic Council met in",
        "  Reykjavik on Friday to agree rules for ships crossing",
        "  the melting north.",
        "",
        "  Shipping lanes",
    ]

    /// One letter per cell (a wide grapheme's second cell included), trailing dots trimmed.
    static func mask(_ grid: CellGrid, _ letter: (Cell) -> Character) -> [String] {
        (0..<grid.height).map { y in
            var row = String((0..<grid.width).compactMap { grid[$0, y].map(letter) })
            while row.hasSuffix(".") { row.removeLast() }
            return row
        }
    }
}
