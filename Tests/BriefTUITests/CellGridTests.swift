import Testing
@testable import BriefTUI

@Suite("The cell grid that views draw into")
struct CellGridTests {
    @Test("Text is clipped to the rectangle it is written in")
    func clipsToRect() {
        var grid = CellGrid(width: 10, height: 2)
        grid.write("Reykjavik talks", x: 1, y: 0, style: .plain, clip: Rect(x: 0, y: 0, width: 8, height: 1))
        grid.write("below", x: 0, y: 5, style: .plain)
        #expect(grid.lines == [" Reykjav", ""])
    }

    @Test("A wide character takes two cells and is not cut in half at the edge")
    func wideCharacters() {
        var grid = CellGrid(width: 5, height: 1)
        let end = grid.write("北京上", x: 0, y: 0, style: .plain)
        #expect(grid.lines == ["北京"])
        #expect(end == 4)
        #expect(grid[1, 0]?.isContinuation == true)
    }

    @Test("Overwriting half of a wide character blanks the other half")
    func overwriteWideHalf() {
        var grid = CellGrid(width: 4, height: 1)
        grid.write("北京", x: 0, y: 0, style: .plain)
        grid.write("x", x: 1, y: 0, style: .plain)
        #expect(grid.lines == [" x京"])
        #expect(grid.cells.allSatisfy { !$0.isContinuation || $0.width == 0 })
        #expect(grid[0, 0]?.width == 1)
    }

    @Test("A combining mark joins the letter before it")
    func combiningJoinsCell() {
        var grid = CellGrid(width: 6, height: 1)
        grid.write("e", x: 0, y: 0, style: .plain)
        grid.write("\u{301}x", x: 1, y: 0, style: .plain)
        #expect(grid[0, 0]?.grapheme == "e\u{301}")
        #expect(grid.lines == ["e\u{301}x"])
    }

    @Test("Control characters written directly become U+FFFD, never raw")
    func controlsBecomeReplacement() {
        var grid = CellGrid(width: 10, height: 1)
        grid.write("a\u{1B}[2Jb\u{202E}", x: 0, y: 0, style: .plain)
        #expect(grid.lines == ["a\u{FFFD}[2Jb\u{FFFD}"])
    }

    @Test("Restyling a row changes styles and keeps the text")
    func restyle() {
        var grid = CellGrid(width: 4, height: 1)
        grid.write("ab", x: 0, y: 0, style: CellStyle(bold: true))
        grid.restyle(grid.bounds) { $0.merged(with: CellStyle(reverse: true)) }
        #expect(grid.lines == ["ab"])
        #expect(grid[0, 0]?.style == CellStyle(bold: true, reverse: true))
        #expect(grid[3, 0]?.style == CellStyle(reverse: true))
    }
}
