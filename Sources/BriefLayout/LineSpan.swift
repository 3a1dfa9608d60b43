/// One laid-out line, as a place rather than graphemes: its block and the bytes of the block it shows
/// (`start..<end` in the block's run bytes; empty for a blank line).
struct LineSpan: Hashable, Sendable {
    var block: Int
    var start: Int
    var end: Int
}
