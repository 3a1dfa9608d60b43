import BriefTagger
import Testing
@testable import BriefTUI

@Suite("Colour modes and monochrome legibility")
struct ThemeTests {
    @Test("NO_COLOR set and non-empty means monochrome whatever the terminal can do")
    func noColor() {
        #expect(ColorMode.detect(environment: ["NO_COLOR": "1"], colors: 256) == .monochrome)
        #expect(ColorMode.detect(environment: ["NO_COLOR": ""], colors: 256) == .palette256)
        #expect(ColorMode.detect(environment: [:], colors: 8) == .basic)
        #expect(ColorMode.detect(environment: [:], colors: 0) == .monochrome)
    }

    @Test("In monochrome every entity type has its own attributes and no colour")
    func monochromeEntitiesDistinct() {
        let theme = Theme(mode: .monochrome)
        let styles = EntityType.allCases.map(theme.entity)
        #expect(Set(styles).count == 4)
        #expect(styles.allSatisfy { $0.foreground == .terminalDefault && $0 != .plain })
    }

    @Test("In 8 and 256 colours every entity type has its own colour from that palette")
    func colourEntitiesDistinct() {
        let basic = EntityType.allCases.map { Theme(mode: .basic).entity($0).foreground }
        #expect(Set(basic).count == 4)
        #expect(basic.allSatisfy { if case .basic = $0 { true } else { false } })
        let palette = EntityType.allCases.map { Theme(mode: .palette256).entity($0).foreground }
        #expect(Set(palette).count == 4)
        #expect(palette.allSatisfy { if case .palette = $0 { true } else { false } })
    }

    @Test("A monochrome story view shows names by attribute and the focused name reversed")
    func monochromeStoryCells() throws {
        // Given the story open in monochrome with the first name focused
        let state = Fixtures.apply(Fixtures.openState(mode: .monochrome), .nextMention)
        let grid = Reader.view(state)
        let cells = grid.cells
        // Then no cell uses a colour
        #expect(cells.allSatisfy { $0.style.foreground == .terminalDefault && $0.style.background == .terminalDefault })
        // And "Arctic Council" (an organisation, focused) is underlined and reversed
        let row = try #require((0..<grid.height).first { grid.lines[$0].contains("Arctic Council met") })
        let x = try #require(grid.lines[row].range(of: "Arctic").map { grid.lines[row].distance(from: grid.lines[row].startIndex, to: $0.lowerBound) })
        #expect(grid[x, row]?.style == CellStyle(underline: true, reverse: true))
        // And "Reykjavik" (a place, not focused) is bold and underlined
        let row2 = try #require((0..<grid.height).first { grid.lines[$0].contains("Reykjavik on Friday") })
        let px = try #require(grid.lines[row2].range(of: "Reykjavik").map { grid.lines[row2].distance(from: grid.lines[row2].startIndex, to: $0.lowerBound) })
        #expect(grid[px, row2]?.style == Theme(mode: .monochrome).entity(.place))
    }

    @Test("In colour the list's unread marker and the story's names use colours")
    func colourCells() throws {
        let grid = Reader.view(Fixtures.openState(mode: .basic))
        #expect(grid.cells.contains { $0.style.foreground == .basic(2) })
        let list = Reader.view(Fixtures.loadedState(mode: .palette256))
        #expect(list.cells.contains { $0.grapheme == "●" && $0.style.foreground == .palette(78) })
    }
}
