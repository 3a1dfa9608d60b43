/// A piece of a laid-out block in one style: its text (sanitised), the mention it is (if any), and where
/// it starts in the block, in UTF-8 bytes of the block's pieces put end to end.
struct LayoutRun: Hashable, Sendable {
    var text: String
    var style: TextStyle
    var mention: Int?
    var start: Int

    var end: Int { start + text.utf8.count }
}
